import { useLocaleState } from 'react-admin';
import { useUnitNames } from '../common/unit-names';

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

/** How the console names a rectification item in pickers and links, in the current language. */
export function useItemOptionText(): (item: ItemLike) => string {
  const names = useUnitNames();
  const [locale] = useLocaleState();
  return (item) => itemLabel(item, names, locale);
}
