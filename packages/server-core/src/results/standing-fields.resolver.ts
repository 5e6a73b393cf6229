import { Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Role } from '../common/roles';
import { GroupResponse } from './dto/response.dto';
import { CampaignStandings, type UnitResponse, UnitStanding } from './dto/standings.dto';

const READERS = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader] as const;

/**
 * Response rates read the ballot and code tables, so live standings compute
 * them only when a query asks (once per request); published results hold them as values.
 */
@Resolver(() => CampaignStandings)
export class CampaignStandingsFieldsResolver {
  @ResolveField(() => [GroupResponse], { description: 'Response rate (回收率) per evaluator group' })
  @Allow(...READERS)
  groupResponses(@Parent() standings: CampaignStandings): Promise<GroupResponse[]> {
    return standings.pendingGroupResponses();
  }
}

@Resolver(() => UnitStanding)
export class UnitStandingFieldsResolver {
  @ResolveField(() => Int, {
    nullable: true,
    description: 'Ratings of the unit received, every group and level (abstentions left out)',
  })
  @Allow(...READERS)
  async responded(@Parent() standing: UnitStanding): Promise<number | null> {
    return (await responseOf(standing))?.responded ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Ballots distributed to all evaluator groups' })
  @Allow(...READERS)
  async distributed(@Parent() standing: UnitStanding): Promise<number | null> {
    return (await responseOf(standing))?.distributed ?? null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: "The unit's response rate: 100 × responded ÷ distributed, rounded like the score",
  })
  @Allow(...READERS)
  async responseRate(@Parent() standing: UnitStanding): Promise<number | null> {
    return (await responseOf(standing))?.responseRate ?? null;
  }
}

async function responseOf(standing: UnitStanding): Promise<UnitResponse | null> {
  if (standing.pendingResponse) return standing.pendingResponse();
  if (standing.responded === undefined || standing.responded === null) return null;
  return {
    responded: standing.responded,
    distributed: standing.distributed ?? 0,
    responseRate: standing.responseRate ?? null,
  };
}
