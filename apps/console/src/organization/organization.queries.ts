// GraphQL of the organization page (units, leading group, appraisal office, unit plans).

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';

const UNIT = graphql(`fragment UnitFields on Unit { id code name parentCode appraised sortOrder seriesCode }`);
const SEAT = graphql(`fragment SeatFields on LeadingGroupMember { id role name position sortOrder }`);
const PLAN = graphql(
  `fragment UnitPlanFields on UnitPlan { id unitCode title body filedOn filedBy revision updatedAt }`,
);

export const UNITS = graphql(`query Units($campaignId: ID!) { units(campaignId: $campaignId) { ...UnitFields } }`, [
  UNIT,
]);
export const SET_UNITS = graphql(
  `mutation SetUnits($campaignId: ID!, $units: [UnitInput!]!) {
  data: setUnits(campaignId: $campaignId, units: $units) {
    __typename ... on UnitList { items { ...UnitFields } } ...ErrorResultFields
  }
}`,
  [UNIT, ERROR_RESULT],
);

export const LEADING_GROUP = graphql(
  `query LeadingGroup($campaignId: ID!) { leadingGroup(campaignId: $campaignId) { ...SeatFields } }`,
  [SEAT],
);
export const SET_LEADING_GROUP = graphql(
  `mutation SetLeadingGroup($campaignId: ID!, $input: LeadingGroupInput!) {
  data: setLeadingGroup(campaignId: $campaignId, input: $input) {
    __typename ... on LeadingGroup { seats { ...SeatFields } } ...ErrorResultFields
  }
}`,
  [SEAT, ERROR_RESULT],
);

export const APPRAISAL_OFFICE = graphql(`query AppraisalOffice($campaignId: ID!) {
  appraisalOffice(campaignId: $campaignId) { id name position duty sortOrder }
}`);
export const SET_APPRAISAL_OFFICE = graphql(
  `mutation SetAppraisalOffice($campaignId: ID!, $members: [AppraisalOfficeMemberInput!]!) {
  data: setAppraisalOffice(campaignId: $campaignId, members: $members) {
    __typename ... on AppraisalOffice { size } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export const UNIT_PLANS = graphql(
  `query UnitPlans($campaignId: ID!) { unitPlans(campaignId: $campaignId) { ...UnitPlanFields } }`,
  [PLAN],
);
export const FILE_UNIT_PLAN = graphql(
  `mutation FileUnitPlan($campaignId: ID!, $input: FileUnitPlanInput!) {
  data: fileUnitPlan(campaignId: $campaignId, input: $input) {
    __typename ... on UnitPlan { ...UnitPlanFields } ...ErrorResultFields
  }
}`,
  [PLAN, ERROR_RESULT],
);

/** One seat of the leading group (领导小组), as the page reads it. */
export type LeadingGroupSeat = ResultOf<typeof LEADING_GROUP>['leadingGroup'][number];

/** One member of the appraisal office (评议办). */
export type OfficeMember = ResultOf<typeof APPRAISAL_OFFICE>['appraisalOffice'][number];

export type UnitPlan = ResultOf<typeof UNIT_PLANS>['unitPlans'][number];
