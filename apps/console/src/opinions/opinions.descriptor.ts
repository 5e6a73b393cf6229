import { graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

/** Opinions (意见表) about units, reviewed by the office. */
export const opinionsDescriptor: ResourceDescriptor = {
  typeName: 'Opinion',
  list: {
    document: graphql(`query ListOpinions($campaignId: ID!, $options: ListOptions, $filter: OpinionListFilter) {
  data: opinions(campaignId: $campaignId, options: $options, filter: $filter) {
    items { id campaignId unitCode evaluatorGroupCode text receivedOn status tags rectificationItemId }
    totalItems
  }
}`),
    sortable: ['receivedOn', 'unitCode', 'status'],
    filter: (filter: Values) => compactFilter(filter),
  },
};
