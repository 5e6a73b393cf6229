// GraphQL of the opinion review queue.

import { ERROR_RESULT, graphql } from '../data/graphql';

export const REVIEW_OPINION = graphql(
  `mutation ReviewOpinion($id: ID!, $status: OpinionStatus!) {
  data: reviewOpinion(id: $id, status: $status) {
    __typename ... on Opinion { id status } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const OPEN_ITEM_FROM_OPINIONS = graphql(
  `mutation OpenFromOpinions($input: OpenRectificationItemInput!) {
  data: openRectificationItem(input: $input) {
    __typename ... on RectificationItem { id } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const TAG_OPINIONS = graphql(
  `mutation TagOpinions($ids: [ID!]!, $add: [String!], $remove: [String!]) {
  data: tagOpinions(ids: $ids, add: $add, remove: $remove) {
    __typename ... on ReviewOpinionsSuccess { updated } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const OPINION_TAGS = graphql(`query OpinionTags($campaignId: ID!) { opinionTags(campaignId: $campaignId) }`);

/** An opinion as the list shows it: anonymous text about one unit, with the office's review. */
export interface OpinionRecord {
  id: string;
  unitCode: string;
  evaluatorGroupCode: string;
  text: string;
  receivedOn: string;
  status: string;
  tags: string[];
  rectificationItemId: string | null;
}

/** The statuses a reviewer sets; `merged` comes from opening a rectification item with the opinions as its sources. */
export const REVIEW_STATUSES = ['pending', 'verified', 'duplicate', 'notActionable'] as const;
export const SHOWN_STATUSES = [...REVIEW_STATUSES, 'merged'] as const;
