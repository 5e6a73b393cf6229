import { compactFilter, type ResourceDescriptor } from '../data/resource-descriptor';
import { campaignFormField, campaignInput, campaignRecord } from './campaign-values';

const PHASE = 'code label start end';
const NUMBERED = 'number title text';

const FIELDS = `id year name timeZone startDate endDate phases { ${PHASE} } guidingPrinciple objectives { ${NUMBERED} } requirements { ${NUMBERED} }
    evaluatorGroups { id code label quota description sortOrder weight } policyJson strategyCode currentPhase { ${PHASE} } openActions
    previousCampaignId isDemo createdAt updatedAt`;

/** Campaigns: every role reads, office and admin edit (`campaigns`, `campaign`, create/update/delete). */
export const campaignsDescriptor: ResourceDescriptor = {
  typeName: 'Campaign',
  // the series come with one campaign (the form, the unit editor): in the list of 50 they would pass the query cost limit
  fields: `${FIELDS} series { code label }`,
  listFields: FIELDS,
  list: {
    query: 'campaigns',
    filterType: 'CampaignListFilter',
    sortable: ['year', 'name', 'startDate', 'createdAt'],
    filter: ({ q, year }) =>
      compactFilter({ search: q, year: year === undefined || year === '' ? undefined : Number(year) }),
  },
  one: { query: 'campaign' },
  create: { mutation: 'createCampaign', inputType: 'CreateCampaignInput!', input: (data) => campaignInput(data) },
  update: {
    mutation: 'updateCampaign',
    inputType: 'UpdateCampaignInput!',
    input: (data, previous) => ({
      ...campaignInput(data, previous as never),
      reason: typeof data.reason === 'string' ? data.reason : null,
    }),
  },
  delete: { mutation: 'deleteCampaign', successType: 'DeleteCampaignSuccess', successFields: 'id' },
  formField: campaignFormField,
  record: (raw) => campaignRecord(raw),
};
