import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor } from '../data/resource-descriptor';
import { campaignFormField, campaignInput, campaignRecord } from './campaign-values';

const CAMPAIGN_LIST = graphql(`fragment CampaignListFields on Campaign {
  id year name timeZone startDate endDate phases { code label start end } guidingPrinciple
  objectives { number title text } requirements { number title text }
  evaluatorGroups { id code label quota description sortOrder weight } policyJson strategyCode
  currentPhase { code label start end } openActions previousCampaignId isDemo createdAt updatedAt
}`);
// the series come with one campaign (the form, the unit editor): in the list of 50 they would pass the query cost limit
const CAMPAIGN = graphql(`fragment CampaignFields on Campaign { ...CampaignListFields series { code label } }`, [
  CAMPAIGN_LIST,
]);

/** Campaigns: every role reads, office and admin edit (`campaigns`, `campaign`, create/update/delete). */
export const campaignsDescriptor: ResourceDescriptor = {
  typeName: 'Campaign',
  list: {
    document: graphql(
      `query ListCampaigns($options: ListOptions, $filter: CampaignListFilter) {
  data: campaigns(options: $options, filter: $filter) { items { ...CampaignListFields } totalItems }
}`,
      [CAMPAIGN_LIST],
    ),
    sortable: ['year', 'name', 'startDate', 'createdAt'],
    filter: ({ q, year }) =>
      compactFilter({ search: q, year: year === undefined || year === '' ? undefined : Number(year) }),
  },
  one: {
    document: graphql(`query OneCampaign($id: ID!) { data: campaign(id: $id) { ...CampaignFields } }`, [CAMPAIGN]),
  },
  create: {
    document: graphql(
      `mutation RunCreateCampaign($input: CreateCampaignInput!) {
  data: createCampaign(input: $input) { __typename ...CampaignFields ...ErrorResultFields }
}`,
      [CAMPAIGN, ERROR_RESULT],
    ),
    input: (data) => campaignInput(data),
  },
  update: {
    document: graphql(
      `mutation RunUpdateCampaign($id: ID!, $input: UpdateCampaignInput!) {
  data: updateCampaign(id: $id, input: $input) { __typename ...CampaignFields ...ErrorResultFields }
}`,
      [CAMPAIGN, ERROR_RESULT],
    ),
    input: (data, previous) => ({
      ...campaignInput(data, previous as never),
      reason: typeof data.reason === 'string' ? data.reason : null,
    }),
  },
  delete: {
    document: graphql(
      `mutation RunDeleteCampaign($id: ID!) {
  data: deleteCampaign(id: $id) { __typename ... on DeleteCampaignSuccess { id } ...ErrorResultFields }
}`,
      [ERROR_RESULT],
    ),
  },
  formField: campaignFormField,
  record: (raw) => campaignRecord(raw),
};
