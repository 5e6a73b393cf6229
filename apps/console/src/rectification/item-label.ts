import { useGetList, useLocaleState } from 'react-admin';
import { campaignScope } from '../campaigns/campaign-scope';

/** What names a rectification item to a person: its number, title and responsible unit. */
export interface ItemLike {
  id: string | number;
  title: string;
  unitCode?: string | null;
}

/** "#4 窗口办事排队时间过长（交警支队）": the number and unit tell two items of the same title apart. */
export function itemLabel(item: ItemLike, unitNames: ReadonlyMap<string, string>, locale = 'zh-CN'): string {
  const unit = item.unitCode ? (unitNames.get(item.unitCode) ?? item.unitCode) : null;
  if (!unit) return `#${item.id} ${item.title}`;
  return locale.startsWith('zh') ? `#${item.id} ${item.title}（${unit}）` : `#${item.id} ${item.title} (${unit})`;
}

/** The campaign's unit names by code (react-admin's cached `units` list). */
export function useUnitNames(): ReadonlyMap<string, string> {
  const campaignId = campaignScope.get();
  const { data } = useGetList('units', { pagination: { page: 1, perPage: 500 }, sort: { field: 'sortOrder', order: 'ASC' }, filter: { campaignId } }, { enabled: !!campaignId });
  return new Map((data ?? []).map((unit) => [String(unit.id), String(unit.name)]));
}

/** How the console names a rectification item in pickers and links, in the current language. */
export function useItemOptionText(): (item: ItemLike) => string {
  const names = useUnitNames();
  const [locale] = useLocaleState();
  return (item) => itemLabel(item, names, locale);
}
