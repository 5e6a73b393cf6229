import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

/** Opinions (意见表) about units, reviewed by the office. */
export const opinionsDescriptor: ResourceDescriptor = {
  typeName: 'Opinion',
  fields: 'id campaignId unitCode evaluatorGroupCode text receivedOn status tags rectificationItemId',
  list: {
    query: 'opinions',
    args: { campaignId: 'ID!' },
    filterType: 'OpinionListFilter',
    sortable: ['receivedOn', 'unitCode', 'status'],
    filter: (filter: Values) => compactFilter(filter),
  },
};
