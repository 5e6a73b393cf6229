import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxAlertsResolver } from './inbox-alerts.resolver';
import { ItemEvidence } from './item-evidence';
import { OpinionItemResolver } from './opinion-item.resolver';
import { RectificationAlertsService } from './rectification-alerts.service';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { RectificationDashboardService } from './rectification-dashboard.service';
import { RectificationHistoryEntry } from './rectification-history.entity';
import { RectificationImportService } from './rectification-import.service';
import { RectificationItem } from './rectification-item.entity';
import { RectificationItemService } from './rectification-item.service';
import { RectificationLedgerController } from './rectification-ledger.controller';
import { RectificationLedgerService } from './rectification-ledger.service';
import { RectificationResolver } from './rectification.resolver';
import { RectificationSourceLink } from './rectification-source.entity';
import { RectificationSources } from './rectification-sources.service';
import { RectificationTransitionService } from './rectification-transition.service';

/** Rectification items (整改项目): lifecycle, lists, dashboard, bulk updates and imports. */
@Module({
  imports: [TypeOrmModule.forFeature([RectificationItem, RectificationHistoryEntry, RectificationSourceLink])],
  providers: [
    RectificationCampaigns,
    RectificationSources,
    RectificationItemService,
    RectificationTransitionService,
    ItemEvidence,
    RectificationImportService,
    RectificationDashboardService,
    RectificationLedgerService,
    RectificationResolver,
    OpinionItemResolver,
    RectificationAlertsService,
    InboxAlertsResolver,
  ],
  controllers: [RectificationLedgerController],
  exports: [
    RectificationCampaigns,
    RectificationSources,
    RectificationItemService,
    RectificationTransitionService,
    RectificationDashboardService,
    ItemEvidence,
  ],
})
export class RectificationModule {}
