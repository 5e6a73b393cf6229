import { ERROR_RESULT, graphql } from '../data/graphql';
export const OPEN_FROM_FINDING = graphql(
  `mutation OpenItemFromFinding($findingId: ID!, $input: OpenItemFromFindingInput) {
  data: openRectificationItemFromFinding(findingId: $findingId, input: $input) {
    __typename ... on RectificationItem { id } ... on AlreadyOpenedError { itemId itemTitle unitName }
    ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const ADOPT_POLICY_ACTION = graphql(
  `mutation AdoptPolicyAction($id: ID!) {
  data: adoptPolicyAction(id: $id) { __typename ... on PolicyAction { id state } ...ErrorResultFields }
}`,
  [ERROR_RESULT],
);
export const WITHDRAW_POLICY_ACTION = graphql(
  `mutation WithdrawPolicyAction($id: ID!, $reason: String) {
  data: withdrawPolicyAction(id: $id, reason: $reason) {
    __typename ... on PolicyAction { id state } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
