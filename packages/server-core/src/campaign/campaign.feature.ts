import { definePingyiFeature } from '../common/pingyi-feature';
import { Campaign } from './campaign.entity';
import { CampaignModule } from './campaign.module';
import { EvaluatorGroup } from './evaluator-group.entity';
import { CreateCampaign1795602300000 } from './migrations/1795602300000-create-campaign.migration';
import { AddCampaignSeries1796400000000 } from './migrations/1796400000000-add-campaign-series.migration';

export const campaignFeature = definePingyiFeature({
  name: 'campaign',
  module: CampaignModule,
  entities: [Campaign, EvaluatorGroup],
  migrations: [CreateCampaign1795602300000, AddCampaignSeries1796400000000],
});
