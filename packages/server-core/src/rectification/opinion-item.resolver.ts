import { ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { RectificationSources } from './rectification-sources.service';

/** Opinions asked for in one request, looked up together once the list's fields are all asked for. */
interface PendingLookup {
  readonly ids: Set<string>;
  readonly result: Promise<Map<string, number>>;
}

/**
 * `Opinion.rectificationItemId`: the item an opinion is merged into (the
 * other direction of the item's sources). A page of opinions costs one query.
 */
@Resolver(() => Opinion)
export class OpinionItemResolver {
  private readonly pending = new WeakMap<RequestContext, PendingLookup>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: RectificationSources,
  ) {}

  // whoever may read the opinion (the list's own roles) may read where it went
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  @ResolveField(() => ID, { nullable: true, description: 'The rectification item this opinion is merged into' })
  async rectificationItemId(@Ctx() ctx: RequestContext, @Parent() opinion: Opinion): Promise<string | null> {
    let lookup = this.pending.get(ctx);
    if (!lookup) {
      const ids = new Set<string>();
      // the list's resolvers all run before the next macrotask: the lookup then reads every id asked for
      const result = new Promise<Map<string, number>>((resolve, reject) => {
        setImmediate(() => {
          this.pending.delete(ctx);
          this.sources.itemsOfOpinions(this.dataSource.manager, ctx.bureauId, [...ids]).then(resolve, reject);
        });
      });
      lookup = { ids, result };
      this.pending.set(ctx, lookup);
    }
    lookup.ids.add(opinion.id);
    const itemId = (await lookup.result).get(opinion.id);
    return itemId === undefined ? null : String(itemId);
  }
}
