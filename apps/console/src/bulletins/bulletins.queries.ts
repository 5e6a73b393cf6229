// GraphQL of the bulletin pages beside the data provider (sending a draft).

import { ERROR_RESULT, graphql } from '../data/graphql';

export const SEND_BULLETIN = graphql(
  `mutation SendBulletin($id: ID!) {
  data: sendBulletin(id: $id) { __typename ... on Bulletin { id status } ...ErrorResultFields }
}`,
  [ERROR_RESULT],
);
