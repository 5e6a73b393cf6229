import { definePingyiFeature } from '../common/pingyi-feature';
import { AccessCode } from './access-code.entity';
import { AccessCodeBatch } from './access-code-batch.entity';
import { AccessCodeModule } from './access-code.module';
import { CreateAccessCode1795603100000 } from './migrations/1795603100000-create-access-code.migration';

export const accessCodeFeature = definePingyiFeature({
  name: 'access-code',
  module: AccessCodeModule,
  entities: [AccessCodeBatch, AccessCode],
  migrations: [CreateAccessCode1795603100000],
});
