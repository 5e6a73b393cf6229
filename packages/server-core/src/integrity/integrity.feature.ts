import { definePingyiFeature } from '../common/pingyi-feature';
import { IntegrityModule } from './integrity.module';
import { ReferentialIntegrity1796122215283 } from './migrations/1796122215283-referential-integrity.migration';
import { RecordColumnNames1796800000000 } from './migrations/1796800000000-record-column-names.migration';

/**
 * The schema across the modules: the composite keys' migration and the refusal
 * that names what still uses a row; the renames onto one record-column convention.
 */
export const integrityFeature = definePingyiFeature({
  name: 'integrity',
  module: IntegrityModule,
  migrations: [ReferentialIntegrity1796122215283, RecordColumnNames1796800000000],
});
