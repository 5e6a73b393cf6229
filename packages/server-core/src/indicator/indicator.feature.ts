import { definePingyiFeature } from '../common/pingyi-feature';
import { CampaignIndicator } from './campaign-indicator.entity';
import { IndicatorModule } from './indicator.module';
import { CreateIndicators1795603470700 } from './migrations/1795603470700-create-indicators.migration';
import { UnitIndicatorValue } from './unit-indicator-value.entity';

export const indicatorFeature = definePingyiFeature({
  name: 'indicator',
  module: IndicatorModule,
  entities: [CampaignIndicator, UnitIndicatorValue],
  migrations: [CreateIndicators1795603470700],
});
