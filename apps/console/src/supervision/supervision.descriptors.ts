import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

// a list or picker page of 25 with every finding's items is over the cost limit: the items are read on the inspection's page
const INSPECTION_LIST = graphql(`fragment InspectionListFields on Inspection {
  id campaignId kind date unitCode focusAreas inspectors summary createdBy createdAt
  findings { id focusArea text createdAt }
}`);
const INSPECTION = graphql(
  `fragment InspectionFields on Inspection {
  ...InspectionListFields findings { items { id title state unitCode } }
}`,
  [INSPECTION_LIST],
);

/** Inspections (明查暗访) with their findings; findings open rectification items. */
export const inspectionsDescriptor: ResourceDescriptor = {
  typeName: 'Inspection',
  list: {
    document: graphql(
      `query ListInspections($campaignId: ID!, $options: ListOptions, $filter: InspectionFilter) {
  data: inspections(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...InspectionListFields } totalItems
  }
}`,
      [INSPECTION_LIST],
    ),
    sortable: ['date', 'id', 'unitCode'],
  },
  one: {
    document: graphql(`query OneInspection($id: ID!) { data: inspection(id: $id) { ...InspectionFields } }`, [
      INSPECTION,
    ]),
  },
  create: {
    document: graphql(
      `mutation RunRecordInspection($input: RecordInspectionInput!) {
  data: recordInspection(input: $input) { __typename ...InspectionFields ...ErrorResultFields }
}`,
      [INSPECTION, ERROR_RESULT],
    ),
    input: (data: Values) => ({
      campaignId: data.campaignId,
      kind: data.kind,
      date: data.date,
      unitCode: data.unitCode,
      focusAreas: data.focusAreas ?? [],
      inspectors: data.inspectors || null,
      summary: data.summary,
      findings: ((data.findings as { focusArea: string; text: string }[] | undefined) ?? []).map(
        ({ focusArea, text }) => ({ focusArea, text }),
      ),
    }),
  },
  // a record read from a list has no items yet (react-admin shows it on the inspection's page until it is read again)
  record: (raw) =>
    ({
      ...raw,
      id: String(raw.id),
      findings: ((raw.findings as Values[] | undefined) ?? []).map((finding) => ({
        ...finding,
        items: finding.items ?? [],
      })),
    }) as never,
};

const NOTICE = graphql(`fragment CriticismNoticeFields on CriticismNotice {
  id campaignId unitCode title text issuedOn issuedBy inspectionId createdAt
}`);

/** Criticism notices (通报批评). */
export const criticismNoticesDescriptor: ResourceDescriptor = {
  typeName: 'CriticismNotice',
  list: {
    document: graphql(
      `query ListCriticismNotices($campaignId: ID!, $options: ListOptions, $filter: UnitFilter) {
  data: criticismNotices(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...CriticismNoticeFields } totalItems
  }
}`,
      [NOTICE],
    ),
    sortable: ['issuedOn', 'id'],
  },
  one: {
    document: graphql(
      `query OneCriticismNotice($id: ID!) { data: criticismNotice(id: $id) { ...CriticismNoticeFields } }`,
      [NOTICE],
    ),
  },
  create: {
    document: graphql(
      `mutation RunIssueCriticismNotice($input: IssueCriticismNoticeInput!) {
  data: issueCriticismNotice(input: $input) { __typename ...CriticismNoticeFields ...ErrorResultFields }
}`,
      [NOTICE, ERROR_RESULT],
    ),
    input: (data: Values) => ({
      campaignId: data.campaignId,
      unitCode: data.unitCode,
      title: data.title,
      text: data.text,
      inspectionId: data.inspectionId || null,
    }),
  },
};

const ACCOUNTABILITY = graphql(`fragment AccountabilityRecordFields on AccountabilityRecord {
  id campaignId unitCode person measure decidedOn noticeId createdBy createdAt
}`);

/** Accountability records (责任追究). */
export const accountabilityRecordsDescriptor: ResourceDescriptor = {
  typeName: 'AccountabilityRecord',
  list: {
    document: graphql(
      `query ListAccountabilityRecords($campaignId: ID!, $options: ListOptions, $filter: UnitFilter) {
  data: accountabilityRecords(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...AccountabilityRecordFields } totalItems
  }
}`,
      [ACCOUNTABILITY],
    ),
    sortable: ['decidedOn', 'id'],
  },
  create: {
    document: graphql(
      `mutation RunRecordAccountability($input: RecordAccountabilityInput!) {
  data: recordAccountability(input: $input) { __typename ...AccountabilityRecordFields ...ErrorResultFields }
}`,
      [ACCOUNTABILITY, ERROR_RESULT],
    ),
    input: (data: Values) => ({
      campaignId: data.campaignId,
      unitCode: data.unitCode,
      person: data.person,
      measure: data.measure,
      decidedOn: data.decidedOn || null,
      noticeId: data.noticeId || null,
    }),
  },
};

const ACTION = graphql(`fragment PolicyActionFields on PolicyAction {
  id campaignId kind state title text unitCode itemIds adoptedOn withdrawnReason version createdBy createdAt
  updatedAt
}`);

/** Policy actions (建章立制): drafted, then adopted or withdrawn. */
export const policyActionsDescriptor: ResourceDescriptor = {
  typeName: 'PolicyActionDetail',
  list: {
    document: graphql(
      `query ListPolicyActions($campaignId: ID!, $options: ListOptions, $filter: PolicyActionFilter) {
  data: policyActions(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...PolicyActionFields } totalItems
  }
}`,
      [ACTION],
    ),
    sortable: ['id', 'title', 'updatedAt'],
    filter: (filter: Values) => compactFilter(filter),
  },
  // the detail is another type (PolicyActionDetail, with the linked items), so the list's fragment does not apply
  one: {
    document: graphql(`query OnePolicyAction($id: ID!) {
  data: policyAction(id: $id) {
    id campaignId kind state title text unitCode itemIds adoptedOn withdrawnReason version createdBy createdAt
    updatedAt items { id title state unitCode }
  }
}`),
  },
  create: {
    document: graphql(
      `mutation RunCreatePolicyAction($input: CreatePolicyActionInput!) {
  data: createPolicyAction(input: $input) { __typename ...PolicyActionFields ...ErrorResultFields }
}`,
      [ACTION, ERROR_RESULT],
    ),
    input: (data: Values) => ({
      campaignId: data.campaignId,
      kind: data.kind,
      title: data.title,
      text: data.text,
      unitCode: data.unitCode || null,
      itemIds: data.itemIds ?? [],
    }),
  },
  update: {
    document: graphql(
      `mutation RunUpdatePolicyAction($id: ID!, $input: UpdatePolicyActionInput!) {
  data: updatePolicyAction(id: $id, input: $input) { __typename ...PolicyActionFields ...ErrorResultFields }
}`,
      [ACTION, ERROR_RESULT],
    ),
    input: (data: Values) => ({ kind: data.kind, title: data.title, text: data.text, itemIds: data.itemIds ?? [] }),
  },
  record: (raw) => ({ ...raw, id: String(raw.id), items: raw.items ?? [] }) as never,
};

/** The seed plan's inspection focus areas (the server accepts these; it does not list them over GraphQL yet). */
export const FOCUS_AREAS = ['safety', 'lawEnforcementQuality', 'serviceAttitude', 'efficiency', 'conduct'] as const;
