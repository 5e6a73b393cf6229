import { graphql } from '../data/graphql';
import { type ResourceDescriptor } from '../data/resource-descriptor';

/**
 * Units of the current campaign, for references (lead units, responsible
 * units): the record id is the unit code, which is what other records hold.
 */
export const unitsDescriptor: ResourceDescriptor = {
  typeName: 'Unit',
  list: {
    document: graphql(`query AllUnits($campaignId: ID!) {
  data: units(campaignId: $campaignId) { id code name parentCode appraised sortOrder }
}`),
    plain: true,
  },
  record: (raw) => ({ ...raw, id: raw.code as string, unitId: raw.id }),
};
