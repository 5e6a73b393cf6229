import { definePingyiFeature } from '../common/pingyi-feature';
import { IntegrityModule } from './integrity.module';
import { ReferentialIntegrity1796122215283 } from './migrations/1796122215283-referential-integrity.migration';

/** Referential integrity across the modules: the composite keys' migration and the refusal that names what still uses a row. */
export const integrityFeature = definePingyiFeature({
  name: 'integrity',
  module: IntegrityModule,
  migrations: [ReferentialIntegrity1796122215283],
});
