import { Module } from '@nestjs/common';
import { CampaignModule } from '../campaign/campaign.module';
import { IndicatorModule } from '../indicator/indicator.module';
import { OrganizationModule } from '../organization/organization.module';
import { WorkPlanModule } from '../work-plan/work-plan.module';
import { CampaignConfigService } from './campaign-config.service';
import { PresetResolver } from './preset.resolver';
import { TemplateResolver } from './template.resolver';

/** Campaign templates (the seed's plan and plugins') and campaign configuration files. */
@Module({
  imports: [CampaignModule, OrganizationModule, WorkPlanModule, IndicatorModule],
  providers: [CampaignConfigService, TemplateResolver, PresetResolver],
  exports: [CampaignConfigService],
})
export class TemplateModule {}
