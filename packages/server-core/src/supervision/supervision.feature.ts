import { definePingyiFeature } from '../common/pingyi-feature';
import { AccountabilityRecord } from './accountability-record.entity';
import { CriticismNotice } from './criticism-notice.entity';
import { InspectionFinding } from './inspection-finding.entity';
import { Inspection } from './inspection.entity';
import { CreateSupervision1795603500600 } from './migrations/1795603500600-create-supervision.migration';
import { PolicyActionItem } from './policy-action-item.entity';
import { PolicyAction } from './policy-action.entity';
import { SupervisionModule } from './supervision.module';

export const supervisionFeature = definePingyiFeature({
  name: 'supervision',
  module: SupervisionModule,
  entities: [PolicyAction, PolicyActionItem, Inspection, InspectionFinding, CriticismNotice, AccountabilityRecord],
  migrations: [CreateSupervision1795603500600],
});
