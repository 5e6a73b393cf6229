import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Opinion } from '../appraisal/opinion.entity';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { TagOpinionsResult } from './dto/opinion-review.dto';
import { OpinionTagsService } from './opinion-tags.service';

/** Opinions asked for in one request, looked up together once the list's fields are all asked for. */
interface PendingLookup {
  readonly ids: Set<string>;
  readonly result: Promise<Map<string, string[]>>;
}

/** Tags on opinions: `Opinion.tags` (a page of opinions costs one query), tagging in bulk, the tags in use. */
@Resolver(() => Opinion)
export class OpinionTagsResolver {
  private readonly pending = new WeakMap<RequestContext, PendingLookup>();

  constructor(private readonly tagging: OpinionTagsService) {}

  @Mutation(() => TagOpinionsResult.union, {
    description: 'Adds and removes tags on many opinions at once (all or none), while reviewing is open',
  })
  @Allow(Role.admin, Role.office)
  tagOpinions(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('add', { type: () => [String], nullable: true }) add?: string[] | null,
    @Args('remove', { type: () => [String], nullable: true }) remove?: string[] | null,
  ) {
    return TagOpinionsResult.run(() => this.tagging.tag(ctx, ids, add, remove));
  }

  @Query(() => [String], { description: 'Tags used on the opinions of a campaign, most used first (at most 200)' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  opinionTags(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<string[]> {
    return this.tagging.used(ctx, campaignId);
  }

  // whoever may read the opinion (the list's own roles) may read its tags
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  @ResolveField(() => [String], { description: "The office's tags, in alphabetical order" })
  async tags(@Ctx() ctx: RequestContext, @Parent() opinion: Opinion & { tags?: string[] }): Promise<string[]> {
    if (opinion.tags) return opinion.tags;
    let lookup = this.pending.get(ctx);
    if (!lookup) {
      const ids = new Set<string>();
      // the list's resolvers all run before the next macrotask: the lookup then reads every id asked for
      const result = new Promise<Map<string, string[]>>((resolve, reject) => {
        setImmediate(() => {
          this.pending.delete(ctx);
          this.tagging.tagsOf([...ids]).then(resolve, reject);
        });
      });
      lookup = { ids, result };
      this.pending.set(ctx, lookup);
    }
    lookup.ids.add(opinion.id);
    return (await lookup.result).get(opinion.id) ?? [];
  }
}
