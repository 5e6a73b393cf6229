import { definePingyiFeature } from '../common/pingyi-feature';
import { AuditEntry } from './audit-entry.entity';
import { AuditModule } from './audit.module';
import { CreateAuditEntry1795600000400 } from './migrations/1795600000400-create-audit-entry.migration';

export const auditFeature = definePingyiFeature({
  name: 'audit',
  module: AuditModule,
  entities: [AuditEntry],
  migrations: [CreateAuditEntry1795600000400],
});
