// GraphQL of the results pages and the policy editor.

import { ERROR_RESULT, graphql } from '../data/graphql';

const GROUP_RESPONSE = graphql(`fragment GroupResponseFields on GroupResponse {
  groupCode groupLabel received distributed rate basis minResponseRate scored
}`);
// series, both ranks, the response rate and the consecutive-year mark of every standing
const PLACE = graphql(`fragment PlaceFields on UnitStanding {
  series seriesLabel overallRank responded distributed responseRate bottomTier consecutiveBottom
}`);
const STANDINGS = graphql(
  `fragment StandingsFields on CampaignStandings {
  campaignId policyJson strategyCode ratingCount smallCellK rankWithin previousYear
  groupResponses { ...GroupResponseFields }
  standings {
    unitCode unitName ballots counted valid score rank tier tierLabel ...PlaceFields
    notScoredGroups { groupCode groupLabel responseRate minResponseRate } rates { level label value }
    counts { level label value }
    explanation {
      strategy textZh textEn scoreText reasonZh reasonEn stepsWithheld
      steps { labelZh labelEn expression value exact }
    }
  }
}`,
  [GROUP_RESPONSE, PLACE],
);

export const STANDINGS_QUERY = graphql(
  `query Standings($campaignId: ID!) { standings(campaignId: $campaignId) { ...StandingsFields } }`,
  [STANDINGS],
);
export const PREVIEW_STANDINGS = graphql(
  `query PreviewStandings($campaignId: ID!, $policyJson: String!) {
  data: previewStandings(campaignId: $campaignId, policyJson: $policyJson) {
    __typename ... on CampaignStandings { ...StandingsFields } ...ErrorResultFields
  }
}`,
  [STANDINGS, ERROR_RESULT],
);
export const SCORING_STRATEGIES = graphql(`query ScoringStrategies {
  scoringStrategies {
    code labelZh labelEn descriptionZh descriptionEn argsJson decidesTiers rangeMin rangeMax
  }
}`);
export const BREAKDOWN = graphql(`query Breakdown($campaignId: ID!, $unitCode: String) {
  breakdown(campaignId: $campaignId, unitCode: $unitCode) {
    smallCellK levels { code label points }
    units {
      unitCode unitName ballots counts groups { groupCode groupLabel ballots counts suppressed suppression }
    }
  }
}`);
// The server estimates list costs at 20 items per level: snapshots × units × levels would exceed its
// limit, so published standings come without the per-level figures and explanations (a query for one
// snapshot, `resultSnapshot(id)`, would allow them).
// published snapshots are a list of lists: the lighter selection (no notScoredGroups) keeps the query under the server's cost limit
export const PUBLISHED_RESULTS = graphql(
  `query PublishedResults($campaignId: ID!) {
  publishedResults(campaignId: $campaignId) {
    id publishedAt publishedBy policyJson strategyCode ratingCount smallCellK rankWithin
    groupResponses { ...GroupResponseFields }
    standings { unitCode unitName ballots counted valid score rank tier tierLabel ...PlaceFields }
  }
}`,
  [GROUP_RESPONSE, PLACE],
);
export const PUBLISH_RESULTS = graphql(
  `mutation PublishResults($campaignId: ID!) {
  data: publishResults(campaignId: $campaignId) {
    __typename ... on ResultSnapshot { id publishedAt } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const COMPARE = graphql(`query Compare($campaignId: ID!) {
  compareWithPrevious(campaignId: $campaignId) {
    currentSource note previousCampaignId previousYear previousPublishedAt
    units { unitCode unitName rank previousRank rankChange score previousScore scoreChange }
  }
}`);
export const UPDATE_POLICY = graphql(
  `mutation UpdatePolicy($id: ID!, $input: UpdateCampaignInput!) {
  data: updateCampaign(id: $id, input: $input) {
    __typename ... on Campaign { id policyJson } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export interface LevelValue {
  level: string;
  label: string;
  value: number;
}

export interface ExplanationStep {
  labelZh: string;
  labelEn: string;
  expression: string;
  value: string | null;
  exact: boolean | null;
}

export interface GroupResponse {
  groupCode: string;
  groupLabel: string;
  received: number;
  distributed: number;
  rate: number | null;
  basis: string;
  minResponseRate: number | null;
  scored: boolean;
}

export interface UnitStanding {
  unitCode: string;
  series: string | null;
  seriesLabel: string | null;
  overallRank: number | null;
  responded: number | null;
  distributed: number | null;
  responseRate: number | null;
  bottomTier: boolean | null;
  consecutiveBottom: boolean | null;
  /** Live standings only. */
  notScoredGroups?: { groupCode: string; groupLabel: string; responseRate: number; minResponseRate: number }[] | null;
  unitName: string | null;
  ballots: number;
  counted: number;
  valid: boolean;
  score: number | null;
  rank: number | null;
  tier: string | null;
  tierLabel: string | null;
  rates: LevelValue[];
  counts: LevelValue[];
  explanation: {
    strategy: string;
    textZh: string;
    textEn: string;
    scoreText: string | null;
    reasonZh: string | null;
    reasonEn: string | null;
    stepsWithheld: boolean;
    steps: ExplanationStep[];
  };
}

export interface CampaignStandings {
  campaignId: string;
  policyJson: string;
  strategyCode: string;
  ratingCount: number;
  smallCellK: number;
  rankWithin: string;
  /** Live standings only: the year the consecutive-year mark compares with. */
  previousYear?: number | null;
  groupResponses: GroupResponse[];
  standings: UnitStanding[];
}

/** A standing as shown: live ones have every figure, published ones lack the per-level figures and explanation. */
export type ShownStanding = Omit<UnitStanding, 'rates' | 'counts' | 'explanation'> &
  Partial<Pick<UnitStanding, 'rates' | 'counts' | 'explanation'>>;

/** A published snapshot; its standings carry no per-level figures or explanations (see PUBLISHED_RESULTS). */
export interface ResultSnapshot extends Omit<CampaignStandings, 'campaignId' | 'standings'> {
  standings: ShownStanding[];
  id: string;
  publishedAt: string;
  publishedBy: string;
}

export interface UnitComparison {
  unitCode: string;
  unitName: string | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  score: number | null;
  previousScore: number | null;
  scoreChange: number | null;
}

export interface StandingsComparison {
  currentSource: string;
  note: string | null;
  previousCampaignId: string | null;
  previousYear: number | null;
  previousPublishedAt: string | null;
  units: UnitComparison[];
}

export interface GroupCell {
  groupCode: string;
  groupLabel: string;
  ballots: number | null;
  counts: number[] | null;
  suppressed: boolean;
  suppression: string | null;
}

export interface Breakdown {
  smallCellK: number;
  levels: { code: string; label: string; points: number | null }[];
  units: { unitCode: string; unitName: string | null; ballots: number; counts: number[]; groups: GroupCell[] }[];
}

export const UNIT_TREND = graphql(`query UnitTrend($unitCode: String!) {
  unitTrend(unitCode: $unitCode) {
    unitCode unitName points { campaignId campaignName year score rank unitCount decimals tierLabel }
  }
}`);
