import { useGetList } from 'react-admin';
import { campaignScope } from '../campaigns/campaign-scope';

/**
 * A campaign's unit names by code (react-admin's cached `units` list), for
 * every place that would otherwise show a unit's code: the current campaign
 * unless another is named.
 */
export function useUnitNames(campaignId?: string | number | null): ReadonlyMap<string, string> {
  const id = campaignId ?? campaignScope.get();
  const { data } = useGetList(
    'units',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'sortOrder', order: 'ASC' }, filter: { campaignId: id } },
    { enabled: !!id },
  );
  return new Map((data ?? []).map((unit) => [String(unit.id), String(unit.name)]));
}

/** A unit's name, or its code while the names load (or for a unit no longer in the campaign). */
export const unitNameOf = (names: ReadonlyMap<string, string>, code: string | null | undefined): string | null =>
  code ? (names.get(code) ?? code) : null;
