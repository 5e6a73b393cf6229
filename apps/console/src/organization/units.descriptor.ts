import { type ResourceDescriptor } from '../data/resource-descriptor';

/**
 * Units of the current campaign, for references (lead units, responsible
 * units): the record id is the unit code, which is what other records hold.
 */
export const unitsDescriptor: ResourceDescriptor = {
  typeName: 'Unit',
  fields: 'id code name parentCode appraised sortOrder',
  list: { query: 'units', args: { campaignId: 'ID!' }, plain: true },
  record: (raw) => ({ ...raw, id: raw.code as string, unitId: raw.id }),
};
