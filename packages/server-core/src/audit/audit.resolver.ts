import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { AuditDailyCount } from './audit-daily-count.entity';
import { AuditService } from './audit.service';
import { AuditLog, AuditLogFilter } from './dto/audit-log.dto';

@Resolver()
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

  @Query(() => [AuditDailyCount], { description: 'Successful anonymous acts (castBallot) per day and evaluator group: they get no audit row each' })
  @Allow(Role.admin, Role.office)
  auditDailyCounts(@Ctx() ctx: RequestContext, @Args('operation', { type: () => String, nullable: true }) operation?: string | null): Promise<AuditDailyCount[]> {
    return this.audit.dailyCounts(ctx, operation);
  }
}
