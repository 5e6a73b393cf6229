import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateRectification1795602641900 } from './migrations/1795602641900-create-rectification.migration';
import { RectificationHistoryEntry } from './rectification-history.entity';
import { RectificationItem } from './rectification-item.entity';
import { RectificationModule } from './rectification.module';
import { RectificationSourceLink } from './rectification-source.entity';

export const rectificationFeature = definePingyiFeature({
  name: 'rectification',
  module: RectificationModule,
  entities: [RectificationItem, RectificationHistoryEntry, RectificationSourceLink],
  migrations: [CreateRectification1795602641900],
});
