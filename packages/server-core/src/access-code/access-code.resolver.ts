import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PingyiError } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { BureauSettingsService } from '../settings/bureau-settings.service';
import { AccessCodeService } from './access-code.service';
import { renderCodesCsv, renderSlipsHtml } from './access-code-slips';
import {
  AccessCodeBatchFilter,
  AccessCodeBatchList,
  AccessCodeSummary,
  IssueAccessCodesResult,
  IssuedAccessCodes,
  RevokeAccessCodeBatchResult,
} from './dto/access-code.dto';

interface HttpRequest {
  protocol?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Where the public ballot page is, for the slips: the bureau's public address, else the `ballotUrl` given, else this server's `/vote`. */
function ballotUrlOf(
  configured: string | null,
  given: string | null | undefined,
  req: HttpRequest | undefined,
): string {
  if (configured) return configured;
  if (given) {
    if (!/^https?:\/\/[^\s<>"]{1,300}$/.test(given))
      throw new PingyiError('INVALID_ARGUMENT', 'must be an http(s) address of at most 300 characters', 'ballotUrl');
    return given;
  }
  const host = req?.headers.host;
  return `${req?.protocol ?? 'http'}://${typeof host === 'string' ? host : 'localhost'}/vote`;
}

/** 评议码: issuing (office, admin), revoking, counts per group and batches. */
@Resolver(() => IssuedAccessCodes)
export class AccessCodeResolver {
  constructor(
    private readonly accessCodes: AccessCodeService,
    private readonly bureauSettings: BureauSettingsService,
  ) {}

  @Mutation(() => IssueAccessCodesResult.union, {
    description: 'Issues access codes for an evaluator group within its quota; the plain codes are returned this once',
  })
  @Allow(Role.admin, Role.office)
  issueAccessCodes(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('group', { type: () => String }) group: string,
    @Args('count', { type: () => Int }) count: number,
  ) {
    return IssueAccessCodesResult.run(() => this.accessCodes.issue(ctx, campaignId, group, count));
  }

  @ResolveField(() => String, {
    description:
      "Print-ready HTML page of slips (A4, ten per page, Chinese): campaign, group, code, how to vote at the bureau's public address",
  })
  @Allow(Role.admin, Role.office)
  async slipsHtml(
    @Ctx() ctx: RequestContext,
    @Parent() issued: IssuedAccessCodes,
    @Context('req') req: HttpRequest | undefined,
    @Args('ballotUrl', {
      type: () => String,
      nullable: true,
      description: "Address of the ballot page when the bureau has no public address set; default this server's /vote",
    })
    ballotUrl?: string | null,
  ): Promise<string> {
    const configured = (await this.bureauSettings.get(ctx.bureauId)).ballotUrl;
    return renderSlipsHtml(issued.codes, { ...issued.slipContext, ballotUrl: ballotUrlOf(configured, ballotUrl, req) });
  }

  @ResolveField(() => String, {
    description: 'CSV for the printer (UTF-8 with BOM): code, group, group_label, campaign',
  })
  @Allow(Role.admin, Role.office)
  csv(@Parent() issued: IssuedAccessCodes): string {
    return renderCodesCsv(issued.codes, issued.slipContext);
  }

  @Mutation(() => RevokeAccessCodeBatchResult.union, {
    description: 'Revokes a batch: its unused codes stop working; used ones keep their ballots',
  })
  @Allow(Role.admin, Role.office)
  revokeAccessCodeBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return RevokeAccessCodeBatchResult.run(() => this.accessCodes.revokeBatch(ctx, id));
  }

  @Query(() => AccessCodeSummary, { description: 'Issued, used, unused and revoked codes per evaluator group' })
  @Allow(Role.admin, Role.office, Role.leader)
  accessCodeSummary(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<AccessCodeSummary> {
    return this.accessCodes.summary(ctx, campaignId);
  }

  @Query(() => AccessCodeBatchList, { description: 'Batches of access codes, newest first, with their counts' })
  @Allow(Role.admin, Role.office, Role.leader)
  accessCodeBatches(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => AccessCodeBatchFilter, nullable: true }) filter?: AccessCodeBatchFilter,
  ): Promise<AccessCodeBatchList> {
    return this.accessCodes.listBatches(ctx, campaignId, options, filter);
  }
}
