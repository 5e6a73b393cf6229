export const OPEN_FROM_FINDING = `mutation OpenItemFromFinding($findingId: ID!, $input: OpenItemFromFindingInput) {
  data: openRectificationItemFromFinding(findingId: $findingId, input: $input) {
    __typename ... on RectificationItem { id } ... on AlreadyOpenedError { itemId itemTitle unitName } ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;
export const ADOPT_POLICY_ACTION = `mutation AdoptPolicyAction($id: ID!) {
  data: adoptPolicyAction(id: $id) { __typename ... on PolicyAction { id state } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;
export const WITHDRAW_POLICY_ACTION = `mutation WithdrawPolicyAction($id: ID!, $reason: String) {
  data: withdrawPolicyAction(id: $id, reason: $reason) { __typename ... on PolicyAction { id state } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;
