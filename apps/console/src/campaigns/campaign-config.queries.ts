/** The documents of campaign templates and campaign-as-code files (validated against the server's schema by the browser suite). */

import { graphql } from '../data/graphql';

const PROBLEMS_ERROR = graphql(`fragment CampaignConfigRefusalFields on ErrorResult {
  ... on ErrorResult { __typename errorCode message messageKey messageParamsJson }
  ... on InvalidCampaignConfigError { problems { path message code line messageKey messageParamsJson } }
}`);

export const CAMPAIGN_TEMPLATES = graphql(`query CampaignTemplates {
  campaignTemplates {
    code label description plugin title unitCount appraisedUnitCount workItemCount evaluatorGroupCount
    totalQuota strategyCode indicators
  }
}`);

export const CREATE_FROM_TEMPLATE = graphql(
  `mutation CreateCampaignFromTemplate($template: String!, $year: Int!, $name: String) {
  data: createCampaignFromTemplate(template: $template, year: $year, name: $name) {
    __typename ... on Campaign { id year name } ...CampaignConfigRefusalFields
  }
}`,
  [PROBLEMS_ERROR],
);

export const EXPORT_CAMPAIGN_CONFIG =
  graphql(`query ExportCampaignConfig($campaignId: ID!, $format: CampaignConfigFormat) {
  exportCampaignConfig(campaignId: $campaignId, format: $format) { format fileName text }
}`);

export const IMPORT_CAMPAIGN_CONFIG = graphql(
  `mutation ImportCampaignConfig($text: String!, $format: CampaignConfigFormat!, $year: Int) {
  data: importCampaignConfig(text: $text, format: $format, year: $year) {
    __typename ... on Campaign { id year name } ...CampaignConfigRefusalFields
  }
}`,
  [PROBLEMS_ERROR],
);
