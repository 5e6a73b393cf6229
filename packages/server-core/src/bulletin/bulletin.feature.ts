import { definePingyiFeature } from '../common/pingyi-feature';
import { Bulletin } from './bulletin.entity';
import { BulletinModule } from './bulletin.module';
import { CreateBulletin1795602700000 } from './migrations/1795602700000-create-bulletin.migration';

export const bulletinFeature = definePingyiFeature({
  name: 'bulletin',
  module: BulletinModule,
  entities: [Bulletin],
  migrations: [CreateBulletin1795602700000],
});
