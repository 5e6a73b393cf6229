import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const FINDING = 'id focusArea text createdAt';
const INSPECTION = 'id campaignId kind date unitCode focusAreas inspectors summary createdBy createdAt';

/** Inspections (明查暗访) with their findings; findings open rectification items. */
export const inspectionsDescriptor: ResourceDescriptor = {
  typeName: 'Inspection',
  fields: `${INSPECTION} findings { ${FINDING} items { id title state unitCode } }`,
  // a list or picker page of 25 with every finding's items is over the cost limit: the items are read on the inspection's page
  listFields: `${INSPECTION} findings { ${FINDING} }`,
  list: {
    query: 'inspections',
    args: { campaignId: 'ID!' },
    filterType: 'InspectionFilter',
    sortable: ['date', 'id', 'unitCode'],
  },
  one: { query: 'inspection' },
  create: {
    mutation: 'recordInspection',
    inputType: 'RecordInspectionInput!',
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

const NOTICE = 'id campaignId unitCode title text issuedOn issuedBy inspectionId createdAt';

/** Criticism notices (通报批评). */
export const criticismNoticesDescriptor: ResourceDescriptor = {
  typeName: 'CriticismNotice',
  fields: NOTICE,
  list: {
    query: 'criticismNotices',
    args: { campaignId: 'ID!' },
    filterType: 'UnitFilter',
    sortable: ['issuedOn', 'id'],
  },
  one: { query: 'criticismNotice' },
  create: {
    mutation: 'issueCriticismNotice',
    inputType: 'IssueCriticismNoticeInput!',
    input: (data: Values) => ({
      campaignId: data.campaignId,
      unitCode: data.unitCode,
      title: data.title,
      text: data.text,
      inspectionId: data.inspectionId || null,
    }),
  },
};

/** Accountability records (责任追究). */
export const accountabilityRecordsDescriptor: ResourceDescriptor = {
  typeName: 'AccountabilityRecord',
  fields: 'id campaignId unitCode person measure decidedOn noticeId createdBy createdAt',
  list: {
    query: 'accountabilityRecords',
    args: { campaignId: 'ID!' },
    filterType: 'UnitFilter',
    sortable: ['decidedOn', 'id'],
  },
  create: {
    mutation: 'recordAccountability',
    inputType: 'RecordAccountabilityInput!',
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

const ACTION =
  'id campaignId kind state title text unitCode itemIds adoptedOn withdrawnReason version createdBy createdAt updatedAt';

/** Policy actions (建章立制): drafted, then adopted or withdrawn. */
export const policyActionsDescriptor: ResourceDescriptor = {
  typeName: 'PolicyActionDetail',
  fields: `${ACTION} items { id title state unitCode }`,
  listFields: ACTION,
  list: {
    query: 'policyActions',
    args: { campaignId: 'ID!' },
    filterType: 'PolicyActionFilter',
    sortable: ['id', 'title', 'updatedAt'],
    filter: (filter: Values) => compactFilter(filter),
  },
  one: { query: 'policyAction' },
  create: {
    mutation: 'createPolicyAction',
    inputType: 'CreatePolicyActionInput!',
    successType: 'PolicyAction',
    successFields: ACTION,
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
    mutation: 'updatePolicyAction',
    inputType: 'UpdatePolicyActionInput!',
    successType: 'PolicyAction',
    successFields: ACTION,
    input: (data: Values) => ({ kind: data.kind, title: data.title, text: data.text, itemIds: data.itemIds ?? [] }),
  },
  record: (raw) => ({ ...raw, id: String(raw.id), items: raw.items ?? [] }) as never,
};

/** The seed plan's inspection focus areas (the server accepts these; it does not list them over GraphQL yet). */
export const FOCUS_AREAS = ['safety', 'lawEnforcementQuality', 'serviceAttitude', 'efficiency', 'conduct'] as const;
