import { definePingyiFeature } from '../common/pingyi-feature';
import { CreatePaperBallot1795603300000 } from './migrations/1795603300000-create-paper-ballot.migration';
import { PaperKeyingContentHash1796122372257 } from './migrations/1796122372257-paper-keying-content-hash.migration';
import { PaperBallotModule } from './paper-ballot.module';
import { PaperBatch } from './paper-batch.entity';
import { PaperKeying } from './paper-keying.entity';
import { PaperReconciliationEntry } from './paper-reconciliation.entity';

export const paperBallotFeature = definePingyiFeature({
  name: 'paper-ballot',
  module: PaperBallotModule,
  entities: [PaperBatch, PaperKeying, PaperReconciliationEntry],
  migrations: [CreatePaperBallot1795603300000, PaperKeyingContentHash1796122372257],
});
