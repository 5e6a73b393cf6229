import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { OrganizationModule } from '../organization/organization.module';
import { CampaignIndicator } from './campaign-indicator.entity';
import { IndicatorResolver } from './indicator.resolver';
import { IndicatorService } from './indicator.service';
import { UnitIndicatorValue } from './unit-indicator-value.entity';

/** Per-unit indicators: declarations per campaign, values entered or imported. */
@Module({
  imports: [TypeOrmModule.forFeature([CampaignIndicator, UnitIndicatorValue]), CampaignModule, OrganizationModule],
  providers: [IndicatorService, IndicatorResolver],
  exports: [IndicatorService],
})
export class IndicatorModule {}
