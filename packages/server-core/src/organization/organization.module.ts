import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { AppraisalOfficeMember } from './appraisal-office-member.entity';
import { LeadingGroupMember } from './leading-group-member.entity';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { Unit } from './unit.entity';
import { UnitPlan } from './unit-plan.entity';
import { UnitPlanService } from './unit-plan.service';

/** Units, the leading group, the appraisal office and units' own plans. */
@Module({
  imports: [TypeOrmModule.forFeature([Unit, LeadingGroupMember, AppraisalOfficeMember, UnitPlan]), CampaignModule],
  providers: [OrganizationService, UnitPlanService, OrganizationResolver],
  exports: [OrganizationService],
})
export class OrganizationModule {}
