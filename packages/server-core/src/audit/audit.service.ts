import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type AuditOptions, type AuditRecord, type AuditSink } from '../common/audit-sink';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkIsoDateTime, checkOptionalText } from '../common/validation';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditEntry } from './audit-entry.entity';
import { type AuditLogFilter } from './dto/audit-log.dto';
import { summarizeArgs } from './redact-args';
import { describeError } from '../logging/describe-error';

const AUDIT_LIST = {
  sortable: { at: 'entry.calledAt', operation: 'entry.operation', username: 'entry.calledBy' },
  defaultSort: [['at', SortOrder.DESC]],
} as const;

@Injectable()
export class AuditService implements AuditSink {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(AuditDailyCount) private readonly counts: Repository<AuditDailyCount>,
  ) {}

  /** Writes one entry; a failure to write is logged, never thrown at the client. */
  async record(ctx: RequestContext, record: AuditRecord, options: AuditOptions = {}): Promise<void> {
    const actor = ctx.user
      ? { bureauId: ctx.user.bureauId, userId: ctx.user.id, username: ctx.user.username }
      : ctx.audit.actor;
    const anonymous = options.anonymous === true && record.success;
    // a successful anonymous act (a cast ballot) leaves no row of its own: the
    // ballot box's mixer counts cast ballots per day and group (audit_daily_count)
    if (anonymous) return;
    const entry: Partial<AuditEntry> = {
      bureauId: actor?.bureauId ?? null,
      calledByUserId: actor?.userId ?? null,
      calledBy:
        actor?.username ?? (typeof record.args.username === 'string' ? record.args.username.slice(0, 64) : null),
      operation: record.operation.slice(0, 100),
      args: options.args === false ? '{}' : summarizeArgs(record.args, options.redact),
      success: record.success,
      errorCode: record.errorCode?.slice(0, 64) ?? null,
      requestId: anonymous ? null : ctx.requestId.slice(0, 64),
      ip: anonymous ? null : ctx.ip.slice(0, 64),
      calledAt: anonymous ? new Date(new Date().setUTCHours(0, 0, 0, 0)) : new Date(),
      changes: record.success && ctx.audit.change?.changes.length ? JSON.stringify(ctx.audit.change.changes) : null,
      reason: record.success ? (ctx.audit.change?.reason?.slice(0, 500) ?? null) : null,
    };
    try {
      await this.entries.insert(entry);
    } catch (error) {
      this.logger.error(`Could not write the audit entry of ${record.operation}: ${describeError(error)}`);
    }
  }

  /** Successful anonymous acts of the caller's bureau per day and group, newest day first. */
  async dailyCounts(ctx: RequestContext, operation?: string | null): Promise<AuditDailyCount[]> {
    const name = checkOptionalText(operation, 'operation', { max: 100 });
    return this.counts.find({
      where: { bureauId: ctx.bureauId, ...(name ? { operation: name } : {}) },
      order: { day: 'DESC', operation: 'ASC', groupCode: 'ASC' },
      take: 5000,
    });
  }

  /** The caller's bureau's entries, newest first by default. */
  list(ctx: RequestContext, options?: ListOptions | null, filter?: AuditLogFilter | null): Promise<Page<AuditEntry>> {
    const query = whereBureau(this.entries.createQueryBuilder('entry'), ctx);
    const operation = checkOptionalText(filter?.operation, 'filter.operation', { max: 100 });
    if (operation) query.andWhere('entry.operation = :operation', { operation });
    const username = checkOptionalText(filter?.username, 'filter.username', { max: 64 });
    if (username) query.andWhere('entry.calledBy = :username', { username: username.toLowerCase() });
    if (filter?.success !== null && filter?.success !== undefined)
      query.andWhere('entry.success = :success', { success: filter.success });
    if (filter?.from) query.andWhere('entry.calledAt >= :from', { from: checkIsoDateTime(filter.from, 'filter.from') });
    if (filter?.to) query.andWhere('entry.calledAt < :to', { to: checkIsoDateTime(filter.to, 'filter.to') });
    return paginate(query, options, AUDIT_LIST);
  }
}
