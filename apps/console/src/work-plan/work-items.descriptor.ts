import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const THEME = 'id code number title sourceGaps';

/** Work items (重点工作) of the current campaign with their theme and lead units. */
export const workItemsDescriptor: ResourceDescriptor = {
  typeName: 'WorkItem',
  fields: `id campaignId number title text progress elided sourceGaps theme { ${THEME} } leadUnits { code name } createdAt updatedAt`,
  list: {
    query: 'workItems',
    args: { campaignId: 'ID!' },
    filterType: 'WorkItemListFilter',
    sortable: ['theme', 'number', 'progress', 'updatedAt'],
    filter: ({ progressBand, ...rest }: Values) => {
      const band = PROGRESS_BANDS[String(progressBand)] ?? {};
      return compactFilter({ ...rest, ...band });
    },
  },
  one: { query: 'workItem' },
  create: {
    mutation: 'createWorkItem',
    inputType: 'WorkItemInput!',
    args: { campaignId: 'ID!' },
    input: workItemInput,
  },
  update: { mutation: 'updateWorkItem', inputType: 'WorkItemInput!', input: workItemInput },
  delete: { mutation: 'deleteWorkItem', successType: 'DeleteWorkItemSuccess', successFields: 'id' },
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
