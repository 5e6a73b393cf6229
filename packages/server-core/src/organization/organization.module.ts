import { Global, Module } from '@nestjs/common';
import { UNIT_DIRECTORY } from '../common/unit-directory';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { AppraisalOfficeMember } from './appraisal-office-member.entity';
import { LeadingGroupMember } from './leading-group-member.entity';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { Unit } from './unit.entity';
import { UnitPlan } from './unit-plan.entity';
import { UnitPlanService } from './unit-plan.service';

/** Units, the leading group, the appraisal office and units' own plans; global for the unit directory users' accounts are checked against. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Unit, LeadingGroupMember, AppraisalOfficeMember, UnitPlan]), CampaignModule],
  providers: [
    OrganizationService,
    UnitPlanService,
    OrganizationResolver,
    { provide: UNIT_DIRECTORY, useExisting: OrganizationService },
  ],
  exports: [OrganizationService, UNIT_DIRECTORY],
})
export class OrganizationModule {}
