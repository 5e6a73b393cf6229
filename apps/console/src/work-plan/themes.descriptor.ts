import { type ResourceDescriptor } from '../data/resource-descriptor';

/** Themes (围绕…着力…) of the current campaign, for references; the record id is the theme code. */
export const themesDescriptor: ResourceDescriptor = {
  typeName: 'Theme',
  fields: 'id code number title sourceGaps',
  list: { query: 'themes', args: { campaignId: 'ID!' }, plain: true },
  record: (raw) => ({
    ...raw,
    id: raw.code as string,
    themeId: raw.id,
    label: `${raw.number as number}. ${raw.title as string}`,
  }),
};
