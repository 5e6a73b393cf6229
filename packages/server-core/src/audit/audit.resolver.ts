import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditChange, AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AuditLog, AuditLogFilter } from './dto/audit-log.dto';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLog, { description: 'Mutations in your bureau: who, what, when, outcome' })
  @Allow(Role.admin, Role.office)
  auditLog(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter?: AuditLogFilter,
  ): Promise<AuditLog> {
    return this.audit.list(ctx, options, filter);
  }

  @ResolveField(() => [AuditChange], {
    description: 'What the mutation changed, field by field (edits of the scoring rule and calendar); empty otherwise',
  })
  @Allow(Role.admin, Role.office)
  changes(@Parent() entry: AuditEntry): AuditChange[] {
    if (!entry.changes) return [];
    try {
      return JSON.parse(entry.changes) as AuditChange[];
    } catch {
      return [];
    }
  }

  @Query(() => [AuditDailyCount], {
    description: 'Successful anonymous acts (castBallot) per day and evaluator group: they get no audit row each',
  })
  @Allow(Role.admin, Role.office)
  auditDailyCounts(
    @Ctx() ctx: RequestContext,
    @Args('operation', { type: () => String, nullable: true }) operation?: string | null,
  ): Promise<AuditDailyCount[]> {
    return this.audit.dailyCounts(ctx, operation);
  }
}
