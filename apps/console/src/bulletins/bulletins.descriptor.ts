import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const BULLETIN = graphql(`fragment BulletinFields on Bulletin {
  id campaignId title body recipient status createdAt createdBy sentAt sentBy updatedAt
}`);

/** Bulletins (工作信息) reported to the city appraisal office: drafts, then sent. */
export const bulletinsDescriptor: ResourceDescriptor = {
  typeName: 'Bulletin',
  list: {
    document: graphql(
      `query ListBulletins($campaignId: ID!, $options: ListOptions, $filter: BulletinListFilter) {
  data: bulletins(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...BulletinFields } totalItems
  }
}`,
      [BULLETIN],
    ),
    sortable: ['createdAt', 'sentAt', 'title'],
    filter: (filter: Values) => compactFilter(filter),
  },
  create: {
    document: graphql(
      `mutation RunCreateBulletin($campaignId: ID!, $input: BulletinInput!) {
  data: createBulletin(campaignId: $campaignId, input: $input) {
    __typename ...BulletinFields ...ErrorResultFields
  }
}`,
      [BULLETIN, ERROR_RESULT],
    ),
    input: (data: Values) => ({ title: data.title, body: data.body, recipient: data.recipient || null }),
  },
  update: {
    document: graphql(
      `mutation RunUpdateBulletin($id: ID!, $input: BulletinInput!) {
  data: updateBulletin(id: $id, input: $input) { __typename ...BulletinFields ...ErrorResultFields }
}`,
      [BULLETIN, ERROR_RESULT],
    ),
    input: (data: Values) => ({ title: data.title, body: data.body, recipient: data.recipient || null }),
  },
  delete: {
    document: graphql(
      `mutation RunDeleteBulletin($id: ID!) {
  data: deleteBulletin(id: $id) { __typename ... on DeleteBulletinSuccess { id } ...ErrorResultFields }
}`,
      [ERROR_RESULT],
    ),
  },
};
