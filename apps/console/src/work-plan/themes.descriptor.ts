import { graphql } from '../data/graphql';
import { type ResourceDescriptor } from '../data/resource-descriptor';

/** Themes (围绕…着力…) of the current campaign, for references; the record id is the theme code. */
export const themesDescriptor: ResourceDescriptor = {
  typeName: 'Theme',
  list: {
    document: graphql(`query AllThemes($campaignId: ID!) {
  data: themes(campaignId: $campaignId) { id code number title sourceGaps }
}`),
    plain: true,
  },
  record: (raw) => ({
    ...raw,
    id: raw.code as string,
    themeId: raw.id,
    label: `${raw.number as number}. ${raw.title as string}`,
  }),
};
