import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateResultSnapshot1795602800000 } from './migrations/1795602800000-create-result-snapshot.migration';
import { AddSnapshotGroupResponses1796400000002 } from './migrations/1796400000002-add-snapshot-group-responses.migration';
import { ResultSnapshot } from './result-snapshot.entity';
import { ResultsModule } from './results.module';

export const resultsFeature = definePingyiFeature({
  name: 'results',
  module: ResultsModule,
  entities: [ResultSnapshot],
  migrations: [CreateResultSnapshot1795602800000, AddSnapshotGroupResponses1796400000002],
});
