import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const WORK_ITEM = graphql(`fragment WorkItemFields on WorkItem {
  id campaignId number title text progress elided sourceGaps theme { id code number title sourceGaps }
  leadUnits { code name } createdAt updatedAt
}`);

/** Work items (重点工作) of the current campaign with their theme and lead units. */
export const workItemsDescriptor: ResourceDescriptor = {
  typeName: 'WorkItem',
  list: {
    document: graphql(
      `query ListWorkItems($campaignId: ID!, $options: ListOptions, $filter: WorkItemListFilter) {
  data: workItems(campaignId: $campaignId, options: $options, filter: $filter) {
    items { ...WorkItemFields } totalItems
  }
}`,
      [WORK_ITEM],
    ),
    sortable: ['theme', 'number', 'progress', 'updatedAt'],
    filter: ({ progressBand, ...rest }: Values) => {
      const band = PROGRESS_BANDS[String(progressBand)] ?? {};
      return compactFilter({ ...rest, ...band });
    },
  },
  one: {
    document: graphql(`query OneWorkItem($id: ID!) { data: workItem(id: $id) { ...WorkItemFields } }`, [WORK_ITEM]),
  },
  create: {
    document: graphql(
      `mutation RunCreateWorkItem($campaignId: ID!, $input: WorkItemInput!) {
  data: createWorkItem(campaignId: $campaignId, input: $input) {
    __typename ...WorkItemFields ...ErrorResultFields
  }
}`,
      [WORK_ITEM, ERROR_RESULT],
    ),
    input: workItemInput,
  },
  update: {
    document: graphql(
      `mutation RunUpdateWorkItem($id: ID!, $input: WorkItemInput!) {
  data: updateWorkItem(id: $id, input: $input) { __typename ...WorkItemFields ...ErrorResultFields }
}`,
      [WORK_ITEM, ERROR_RESULT],
    ),
    input: workItemInput,
  },
  delete: {
    document: graphql(
      `mutation RunDeleteWorkItem($id: ID!) {
  data: deleteWorkItem(id: $id) { __typename ... on DeleteWorkItemSuccess { id } ...ErrorResultFields }
}`,
      [ERROR_RESULT],
    ),
  },
  record: (raw) => {
    const theme = raw.theme as { code: string } | null;
    const leadUnits = (raw.leadUnits as { code: string }[] | null) ?? [];
    return {
      ...raw,
      id: String(raw.id),
      themeCode: theme?.code ?? null,
      leadUnitCodes: leadUnits.map((unit) => unit.code),
    } as never;
  },
};

/** The progress filter's choices → the server's min/max progress. */
export const PROGRESS_BANDS: Readonly<Record<string, { minProgress?: number; maxProgress?: number }>> = {
  notStarted: { maxProgress: 0 },
  inProgress: { minProgress: 1, maxProgress: 99 },
  completed: { minProgress: 100 },
};

function workItemInput(data: Values): Values {
  return {
    themeCode: data.themeCode,
    number: Number(data.number),
    title: data.title || null,
    text: data.text,
    leadUnitCodes: (data.leadUnitCodes as string[] | undefined) ?? [],
    elided: !!data.elided,
    sourceGaps: (data.sourceGaps as string[] | undefined) ?? [],
  };
}
