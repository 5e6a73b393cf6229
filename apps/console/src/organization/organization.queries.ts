// GraphQL of the organization page (units, leading group, appraisal office, unit plans).

const UNIT = 'id code name parentCode appraised sortOrder seriesCode';
export const UNITS = `query Units($campaignId: ID!) { units(campaignId: $campaignId) { ${UNIT} } }`;
export const SET_UNITS = `mutation SetUnits($campaignId: ID!, $units: [UnitInput!]!) {
  data: setUnits(campaignId: $campaignId, units: $units) { __typename ... on UnitList { items { ${UNIT} } } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const SEAT = 'id role name position sortOrder';
export const LEADING_GROUP = `query LeadingGroup($campaignId: ID!) { leadingGroup(campaignId: $campaignId) { ${SEAT} } }`;
export const SET_LEADING_GROUP = `mutation SetLeadingGroup($campaignId: ID!, $input: LeadingGroupInput!) {
  data: setLeadingGroup(campaignId: $campaignId, input: $input) { __typename ... on LeadingGroup { seats { ${SEAT} } } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const MEMBER = 'id name position duty sortOrder';
export const APPRAISAL_OFFICE = `query AppraisalOffice($campaignId: ID!) { appraisalOffice(campaignId: $campaignId) { ${MEMBER} } }`;
export const SET_APPRAISAL_OFFICE = `mutation SetAppraisalOffice($campaignId: ID!, $members: [AppraisalOfficeMemberInput!]!) {
  data: setAppraisalOffice(campaignId: $campaignId, members: $members) { __typename ... on AppraisalOffice { size } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const PLAN = 'id unitCode title body filedOn filedBy revision updatedAt';
export const UNIT_PLANS = `query UnitPlans($campaignId: ID!) { unitPlans(campaignId: $campaignId) { ${PLAN} } }`;
export const FILE_UNIT_PLAN = `mutation FileUnitPlan($campaignId: ID!, $input: FileUnitPlanInput!) {
  data: fileUnitPlan(campaignId: $campaignId, input: $input) { __typename ... on UnitPlan { ${PLAN} } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

export interface LeadingGroupSeat {
  id: string;
  role: 'leader' | 'deputyLeader' | 'member';
  name: string | null;
  position: string;
  sortOrder: number;
}

export interface OfficeMember {
  id: string;
  name: string;
  position: string | null;
  duty: string | null;
  sortOrder: number;
}

export interface UnitPlan {
  id: string;
  unitCode: string;
  title: string;
  body: string;
  filedOn: string;
  filedBy: string;
  revision: number;
  updatedAt: string;
}
