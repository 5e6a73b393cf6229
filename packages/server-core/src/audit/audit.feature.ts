import { definePingyiFeature } from '../common/pingyi-feature';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditModule } from './audit.module';
import { CreateAuditEntry1795600000400 } from './migrations/1795600000400-create-audit-entry.migration';
import { CreateAuditDailyCount1795603620000 } from './migrations/1795603620000-create-audit-daily-count.migration';
import { AddAuditChange1796130000000 } from './migrations/1796130000000-add-audit-change.migration';

export const auditFeature = definePingyiFeature({
  name: 'audit',
  module: AuditModule,
  entities: [AuditEntry, AuditDailyCount],
  migrations: [CreateAuditEntry1795600000400, CreateAuditDailyCount1795603620000, AddAuditChange1796130000000],
});
