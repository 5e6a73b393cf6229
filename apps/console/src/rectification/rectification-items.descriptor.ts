import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const ITEM = graphql(`fragment RectificationItemFields on RectificationItem {
  id campaignId title description unitCode state deadline overdue dueSoon owner plan progress publicResponse
  source supervised supervisingLeader supervisedSince supervisionReportDue reportingIntervalDays lookBackDue
  lookBacks rebounds closedOn openedOn parentId weight evidence allowedEvents version createdAt updatedAt
}`);

// the detail is another type (RectificationItemDetail), so the list's fragment cannot be spread into it
const DETAIL = graphql(`fragment RectificationItemDetailFields on RectificationItemDetail {
  id campaignId title description unitCode state deadline overdue dueSoon owner plan progress publicResponse
  source supervised supervisingLeader supervisedSince supervisionReportDue reportingIntervalDays lookBackDue
  lookBacks rebounds closedOn openedOn parentId weight evidence allowedEvents version createdAt updatedAt
  today timeZone rolledUpProgress sources { sourceType sourceId text }
  attachments { id name contentType size url uploadedBy unitCode createdAt }
  history {
    id event fromState toState at date role actorUsername actorUnitCode
    details {
      note reason plan owner deadline previousDeadline progress publicResponse evidence supervisingLeader
      reportingIntervalDays lookBackDue
    }
  }
  subItems { id title unitCode state deadline overdue progress }
}`);

/** Rectification items (整改项目): list, detail with history, opening (立项). Lifecycle events are fired from the detail page. */
export const rectificationItemsDescriptor: ResourceDescriptor = {
  typeName: 'RectificationItem',
  list: {
    document: graphql(
      `query ListRectificationItems($campaignId: ID!, $options: ListOptions, $filter: RectificationItemFilter) {
  data: rectificationItems(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...RectificationItemFields } totalItems
  }
}`,
      [ITEM],
    ),
    sortable: ['id', 'deadline', 'openedOn', 'state', 'unitCode', 'updatedAt'],
    filter: ({ q, dueWithinDays, ...rest }: Values) =>
      compactFilter({
        ...rest,
        search: q,
        dueWithinDays: dueWithinDays === undefined || dueWithinDays === '' ? undefined : Number(dueWithinDays),
      }),
  },
  one: {
    document: graphql(
      `query OneRectificationItem($id: ID!) { data: rectificationItem(id: $id) { ...RectificationItemDetailFields } }`,
      [DETAIL],
    ),
  },
  create: {
    document: graphql(
      `mutation RunOpenRectificationItem($input: OpenRectificationItemInput!) {
  data: openRectificationItem(input: $input) { __typename ...RectificationItemFields ...ErrorResultFields }
}`,
      [ITEM, ERROR_RESULT],
    ),
    input: (data) => ({
      campaignId: data.campaignId,
      title: data.title,
      unitCode: data.unitCode,
      description: data.description || null,
      sourceNote: data.sourceNote || null,
      parentId: data.parentId || null,
      weight: data.weight === '' || data.weight === undefined || data.weight === null ? null : Number(data.weight),
      sources: (data.sourceTypes as string[] | undefined)?.map((type) => ({ type })) ?? null,
    }),
  },
  // a record from a list or from openRectificationItem lacks the detail's lists until the detail loads
  record: (raw) =>
    ({
      ...raw,
      id: String(raw.id),
      attachments: raw.attachments ?? [],
      history: raw.history ?? [],
      subItems: raw.subItems ?? [],
      sources: raw.sources ?? [],
      rolledUpProgress: raw.rolledUpProgress ?? raw.progress ?? 0,
    }) as never,
};
