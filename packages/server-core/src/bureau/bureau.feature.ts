import { definePingyiFeature } from '../common/pingyi-feature';
import { Bureau } from './bureau.entity';
import { BureauModule } from './bureau.module';
import { CreateBureau1795600000100 } from './migrations/1795600000100-create-bureau.migration';

export const bureauFeature = definePingyiFeature({
  name: 'bureau',
  module: BureauModule,
  entities: [Bureau],
  migrations: [CreateBureau1795600000100],
});
