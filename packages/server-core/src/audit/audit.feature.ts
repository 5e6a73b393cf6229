import { definePingyiFeature } from '../common/pingyi-feature';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditModule } from './audit.module';
import { CreateAuditEntry1795600000400 } from './migrations/1795600000400-create-audit-entry.migration';
import { CreateAuditDailyCount1795603620000 } from './migrations/1795603620000-create-audit-daily-count.migration';

export const auditFeature = definePingyiFeature({
  name: 'audit',
  module: AuditModule,
  entities: [AuditEntry, AuditDailyCount],
  migrations: [CreateAuditEntry1795600000400, CreateAuditDailyCount1795603620000],
});
