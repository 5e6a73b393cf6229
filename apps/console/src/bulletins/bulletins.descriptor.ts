import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

/** Bulletins (工作信息) reported to the city appraisal office: drafts, then sent. */
export const bulletinsDescriptor: ResourceDescriptor = {
  typeName: 'Bulletin',
  fields: 'id campaignId title body recipient status createdAt createdBy sentAt sentBy updatedAt',
  list: {
    query: 'bulletins',
    args: { campaignId: 'ID!' },
    filterType: 'BulletinListFilter',
    sortable: ['createdAt', 'sentAt', 'title'],
    filter: (filter: Values) => compactFilter(filter),
  },
  create: {
    mutation: 'createBulletin',
    args: { campaignId: 'ID!' },
    inputType: 'BulletinInput!',
    input: (data: Values) => ({ title: data.title, body: data.body, recipient: data.recipient || null }),
  },
  update: {
    mutation: 'updateBulletin',
    inputType: 'BulletinInput!',
    input: (data: Values) => ({ title: data.title, body: data.body, recipient: data.recipient || null }),
  },
  delete: { mutation: 'deleteBulletin', successType: 'DeleteBulletinSuccess', successFields: 'id' },
};
