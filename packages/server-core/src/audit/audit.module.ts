import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_SINK } from '../common/audit-sink';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditInterceptor } from './audit.interceptor';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The audit log: every mutation recorded by a global interceptor, read with `auditLog`. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AuditDailyCount])],
  providers: [
    AuditService,
    { provide: AUDIT_SINK, useExisting: AuditService },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    AuditResolver,
  ],
  exports: [AuditService, AUDIT_SINK],
})
export class AuditModule {}
