import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { OrganizationModule } from '../organization/organization.module';
import { Theme } from './theme.entity';
import { ThemeService } from './theme.service';
import { WorkPlanResolver } from './work-plan.resolver';
import { WorkItem } from './work-item.entity';
import { WorkItemLeadUnit } from './work-item-lead-unit.entity';
import { WorkItemProgressService } from './work-item-progress.service';
import { WorkItemService } from './work-item.service';
import { WorkItemUpdate } from './work-item-update.entity';

/** Themes, work items with lead units, and progress reports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Theme, WorkItem, WorkItemLeadUnit, WorkItemUpdate]),
    CampaignModule,
    OrganizationModule,
  ],
  providers: [ThemeService, WorkItemService, WorkItemProgressService, WorkPlanResolver],
  exports: [ThemeService, WorkItemService, WorkItemProgressService],
})
export class WorkPlanModule {}
