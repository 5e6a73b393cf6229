// GraphQL of the results pages and the policy editor.

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';

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

export type LevelValue = UnitStanding['rates'][number];

export type ExplanationStep = UnitStanding['explanation']['steps'][number];

export type GroupResponse = CampaignStandings['groupResponses'][number];

export type UnitStanding = CampaignStandings['standings'][number];

export type CampaignStandings = ResultOf<typeof STANDINGS_QUERY>['standings'];

/** A standing as shown: live ones have every figure, published ones lack the per-level figures and explanation. */
export type ShownStanding = Omit<UnitStanding, 'rates' | 'counts' | 'explanation' | 'notScoredGroups'> &
  Partial<Pick<UnitStanding, 'rates' | 'counts' | 'explanation' | 'notScoredGroups'>>;

/** A published snapshot; its standings carry no per-level figures or explanations (see PUBLISHED_RESULTS). */
export type ResultSnapshot = ResultOf<typeof PUBLISHED_RESULTS>['publishedResults'][number];

export type UnitComparison = StandingsComparison['units'][number];

export type StandingsComparison = ResultOf<typeof COMPARE>['compareWithPrevious'];

export type GroupCell = Breakdown['units'][number]['groups'][number];

export type Breakdown = ResultOf<typeof BREAKDOWN>['breakdown'];

export const UNIT_TREND = graphql(`query UnitTrend($unitCode: String!) {
  unitTrend(unitCode: $unitCode) {
    unitCode unitName points { campaignId campaignName year score rank unitCount decimals tierLabel }
  }
}`);
