import { definePingyiFeature } from '../common/pingyi-feature';
import { AppraisalModule } from './appraisal.module';
import { Ballot } from './ballot.entity';
import { CreateAppraisalStorage1795602600000 } from './migrations/1795602600000-create-appraisal-storage.migration';
import { Opinion } from './opinion.entity';
import { Rating } from './rating.entity';

export const appraisalFeature = definePingyiFeature({
  name: 'appraisal',
  module: AppraisalModule,
  entities: [Ballot, Rating, Opinion],
  migrations: [CreateAppraisalStorage1795602600000],
});
