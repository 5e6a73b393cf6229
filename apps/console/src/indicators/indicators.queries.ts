// GraphQL of the per-unit indicators page (declarations, values, inline edit, CSV import).

const PROBLEMS =
  '... on ErrorResult { __typename errorCode message messageKey messageParamsJson } ... on InvalidIndicatorValuesError { problems { path message code line messageKey messageParamsJson } }';

export const INDICATOR_TABLE = `query IndicatorTable($campaignId: ID!) {
  campaignIndicators(campaignId: $campaignId) { id code label unit description min max integer sortOrder }
  unitIndicatorValues(campaignId: $campaignId) { unitCode indicatorCode value updatedAt }
  units(campaignId: $campaignId) { id code name parentCode appraised sortOrder }
}`;

export const SET_UNIT_INDICATOR_VALUES = `mutation SetUnitIndicatorValues($campaignId: ID!, $values: [UnitIndicatorValueInput!]!) {
  data: setUnitIndicatorValues(campaignId: $campaignId, values: $values) { __typename ... on IndicatorValuesSaved { saved removed } ${PROBLEMS} }
}`;

export const IMPORT_UNIT_INDICATORS = `mutation ImportUnitIndicators($campaignId: ID!, $csv: String!) {
  data: importUnitIndicators(campaignId: $campaignId, csv: $csv) { __typename ... on IndicatorValuesSaved { saved removed } ${PROBLEMS} }
}`;

export const INDICATOR_CATALOG = `query IndicatorCatalog { indicatorCatalog { code label unit description min max integer plugin } }`;

export const SET_CAMPAIGN_INDICATORS = `mutation SetCampaignIndicators($campaignId: ID!, $indicators: [CampaignIndicatorInput!]!) {
  data: setCampaignIndicators(campaignId: $campaignId, indicators: $indicators) { __typename ... on CampaignIndicatorList { items { id code } } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;
