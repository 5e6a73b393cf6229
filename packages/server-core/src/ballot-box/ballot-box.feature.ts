import { definePingyiFeature } from '../common/pingyi-feature';
import { BallotBoxEntry } from './ballot-box-entry.entity';
import { BallotBoxModule } from './ballot-box.module';
import { CreateBallotBox1795603610000 } from './migrations/1795603610000-create-ballot-box.migration';
import { CreateTallyStamp1796600000000 } from './migrations/1796600000000-create-tally-stamp.migration';
import { TallyStamp } from './tally-stamp.entity';

export const ballotBoxFeature = definePingyiFeature({
  name: 'ballot-box',
  module: BallotBoxModule,
  entities: [BallotBoxEntry, TallyStamp],
  migrations: [CreateBallotBox1795603610000, CreateTallyStamp1796600000000],
});
