import { definePingyiFeature } from '../common/pingyi-feature';
import { BallotBoxEntry } from './ballot-box-entry.entity';
import { BallotBoxModule } from './ballot-box.module';
import { CreateBallotBox1795603610000 } from './migrations/1795603610000-create-ballot-box.migration';

export const ballotBoxFeature = definePingyiFeature({
  name: 'ballot-box',
  module: BallotBoxModule,
  entities: [BallotBoxEntry],
  migrations: [CreateBallotBox1795603610000],
});
