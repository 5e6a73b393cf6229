// GraphQL of the per-unit indicators page (declarations, values, inline edit, CSV import).

import { ERROR_RESULT, graphql } from '../data/graphql';

const PROBLEMS = graphql(`fragment IndicatorRefusalFields on ErrorResult {
  ... on ErrorResult { __typename errorCode message messageKey messageParamsJson }
  ... on InvalidIndicatorValuesError { problems { path message code line messageKey messageParamsJson } }
}`);

export const INDICATOR_TABLE = graphql(`query IndicatorTable($campaignId: ID!) {
  campaignIndicators(campaignId: $campaignId) { id code label unit description min max integer sortOrder }
  unitIndicatorValues(campaignId: $campaignId) { unitCode indicatorCode value updatedAt }
  units(campaignId: $campaignId) { id code name parentCode appraised sortOrder }
}`);

export const SET_UNIT_INDICATOR_VALUES = graphql(
  `mutation SetUnitIndicatorValues($campaignId: ID!, $values: [UnitIndicatorValueInput!]!) {
  data: setUnitIndicatorValues(campaignId: $campaignId, values: $values) {
    __typename ... on IndicatorValuesSaved { saved removed } ...IndicatorRefusalFields
  }
}`,
  [PROBLEMS],
);

export const IMPORT_UNIT_INDICATORS = graphql(
  `mutation ImportUnitIndicators($campaignId: ID!, $csv: String!) {
  data: importUnitIndicators(campaignId: $campaignId, csv: $csv) {
    __typename ... on IndicatorValuesSaved { saved removed } ...IndicatorRefusalFields
  }
}`,
  [PROBLEMS],
);

export const INDICATOR_CATALOG = graphql(
  `query IndicatorCatalog { indicatorCatalog { code label unit description min max integer plugin } }`,
);

export const SET_CAMPAIGN_INDICATORS = graphql(
  `mutation SetCampaignIndicators($campaignId: ID!, $indicators: [CampaignIndicatorInput!]!) {
  data: setCampaignIndicators(campaignId: $campaignId, indicators: $indicators) {
    __typename ... on CampaignIndicatorList { items { id code } } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
