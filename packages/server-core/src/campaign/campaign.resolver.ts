import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isPingyiError } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { currentPhaseOf, openActionsOf } from './campaign-calendar';
import { CampaignPhase, RatingLevel } from './campaign-parts.types';
import { Campaign } from './campaign.entity';
import { CampaignService } from './campaign.service';
import {
  CampaignList,
  CampaignListFilter,
  CreateCampaignInput,
  CreateCampaignResult,
  ArchiveCampaignResult,
  DeleteCampaignResult,
  RemoveDemoCampaignResult,
  UpdateCampaignInput,
  UpdateCampaignResult,
} from './dto/campaign.dto';

const EDITORS: [Role, ...Role[]] = [Role.office, Role.admin];
const EVERY_ROLE: [Role, ...Role[]] = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];

/** Campaigns: every role of the bureau reads them; the office and admins edit. */
@Resolver(() => Campaign)
@Allow(...EVERY_ROLE)
export class CampaignResolver {
  constructor(private readonly campaignService: CampaignService) {}

  @Query(() => CampaignList, { description: 'Campaigns of your bureau, latest year first' })
  campaigns(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => CampaignListFilter, nullable: true }) filter?: CampaignListFilter,
  ): Promise<CampaignList> {
    return this.campaignService.list(ctx, options, filter);
  }

  @Query(() => Campaign, { nullable: true, description: 'A campaign of your bureau, or null' })
  async campaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Campaign | null> {
    return this.campaignService.findOrThrow(ctx, id, 'id').catch((error: unknown) => {
      if (isPingyiError(error, 'NOT_FOUND')) return null;
      throw error;
    });
  }

  @Mutation(() => CreateCampaignResult.union)
  @Allow(...EDITORS)
  createCampaign(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => CreateCampaignInput }) input: CreateCampaignInput,
  ) {
    return CreateCampaignResult.run(() => this.campaignService.create(ctx, input));
  }

  @Mutation(() => UpdateCampaignResult.union)
  @Allow(...EDITORS)
  updateCampaign(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateCampaignInput }) input: UpdateCampaignInput,
  ) {
    return UpdateCampaignResult.run(() => this.campaignService.update(ctx, id, input));
  }

  @Mutation(() => DeleteCampaignResult.union, {
    description: 'Deletes a campaign; one with ballots or published results is archived instead (archived: true)',
  })
  @Allow(...EDITORS)
  deleteCampaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return DeleteCampaignResult.run(async () => {
      const removal = await this.campaignService.delete(ctx, id);
      return { id: String(removal.id), archived: removal.archived, keptBy: [...removal.keptBy] };
    });
  }

  @Mutation(() => ArchiveCampaignResult.union, {
    description:
      'Archives a campaign: kept whole, read-only, hidden from campaigns (filter archived: true lists it), its year free',
  })
  @Allow(...EDITORS)
  archiveCampaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return ArchiveCampaignResult.run(() => this.campaignService.archive(ctx, id));
  }

  @Mutation(() => ArchiveCampaignResult.union, {
    description: 'Makes an archived campaign live again; CAMPAIGN_YEAR_TAKEN when another campaign has its year',
  })
  @Allow(...EDITORS)
  unarchiveCampaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return ArchiveCampaignResult.run(() => this.campaignService.unarchive(ctx, id));
  }

  @Mutation(() => RemoveDemoCampaignResult.union, {
    description:
      'Removes a demo campaign entirely, its demo ballots and results included; INVALID_ARGUMENT for a real campaign',
  })
  @Allow(...EDITORS)
  removeDemoCampaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return RemoveDemoCampaignResult.run(async () => ({ id: String(await this.campaignService.removeDemo(ctx, id)) }));
  }

  @ResolveField(() => String, { description: 'The scoring policy as JSON (CONTRACTS.md §1), defaults filled in' })
  policyJson(@Parent() campaign: Campaign): string {
    return JSON.stringify(campaign.policy);
  }

  @ResolveField(() => [RatingLevel], { description: "The rating scale: the policy's levels, best to worst" })
  scale(@Parent() campaign: Campaign): RatingLevel[] {
    return campaign.policy.scale.map(({ code, label, points }) => ({ code, label, points }));
  }

  @ResolveField(() => String, { description: 'The scoring strategy the policy names' })
  strategyCode(@Parent() campaign: Campaign): string {
    return campaign.policy.strategy.code;
  }

  @ResolveField(() => CampaignPhase, {
    nullable: true,
    description: 'The phase today falls in (campaign time zone), or null',
  })
  currentPhase(@Parent() campaign: Campaign): CampaignPhase | null {
    return currentPhaseOf(campaign);
  }

  @ResolveField(() => [String], {
    description: 'Gated actions open today (fileUnitPlan, reportWorkItemProgress, publishStandings...)',
  })
  openActions(@Parent() campaign: Campaign): string[] {
    return [...openActionsOf(campaign)];
  }
}
