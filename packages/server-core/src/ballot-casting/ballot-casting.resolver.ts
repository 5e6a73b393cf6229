import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PingyiError } from '@pingyi/domain';
import { type GraphQLResolveInfo } from 'graphql';
import { Audit } from '../audit/audit.decorator';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Public } from '../common/roles';
import { BallotCastingService } from './ballot-casting.service';
import { BallotFormResult, CastBallotInput, CastBallotResult } from './dto/ballot-casting.dto';
import { countRootField } from './root-field-count';

// One guess per request: several castBallot or ballotForm fields in one
// operation (aliases, fragments) are all refused.
function assertOnlyOnce(info: GraphQLResolveInfo, field: string): void {
  const times = countRootField(info.operation, info.fragments, field);
  if (times > 1)
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `${field} may appear only once in a request; this one has it ${times} times`,
      field,
    );
}

/** The public ballot API (CONTRACTS.md §4): no sign-in, an access code instead. */
@Resolver()
export class BallotCastingResolver {
  constructor(private readonly casting: BallotCastingService) {}

  @Mutation(() => CastBallotResult.union, {
    description: 'Casts the anonymous ballot of an access code (once per code, appraisal window only)',
  })
  @Allow(Public)
  // the audit log keeps neither the code nor the ratings, and for a success no address or time of day
  @Audit({ args: false, anonymous: true })
  castBallot(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('input', { type: () => CastBallotInput }) input: CastBallotInput,
  ) {
    return CastBallotResult.run(async () => {
      assertOnlyOnce(info, 'castBallot');
      return this.casting.cast(ctx, input);
    });
  }

  @Query(() => BallotFormResult.union, {
    description: 'The ballot sheet of an access code (campaign name, group, units, scale); counts as a guess',
  })
  @Allow(Public)
  ballotForm(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('code', { type: () => String }) code: string,
  ) {
    return BallotFormResult.run(async () => {
      assertOnlyOnce(info, 'ballotForm');
      return this.casting.ballotForm(ctx, code);
    });
  }
}
