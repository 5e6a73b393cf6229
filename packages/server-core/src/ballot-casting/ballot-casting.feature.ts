import { definePingyiFeature } from '../common/pingyi-feature';
import { BallotCastingModule } from './ballot-casting.module';
import { CreateBallotCasting1795603200000 } from './migrations/1795603200000-create-ballot-casting.migration';

export const ballotCastingFeature = definePingyiFeature({
  name: 'ballot-casting',
  module: BallotCastingModule,
  migrations: [CreateBallotCasting1795603200000],
});
