import { type ExportColumn, type ExportReference } from '../export/list-exporter';
import { type OpinionRecord } from './opinions.queries';

/** The units and items the export names instead of their codes and ids. */
export const OPINION_EXPORT_REFERENCES: readonly ExportReference[] = [
  { field: 'unitCode', reference: 'units' },
  { field: 'rectificationItemId', reference: 'rectificationItems' },
];

/**
 * Opinions with the office's review, as a spreadsheet reads them: day, unit,
 * group, text, status, tags and the item they went into. Nothing else: an
 * opinion stays anonymous.
 */
export function opinionExportColumns(groupLabel: (code: string) => string): readonly ExportColumn<OpinionRecord>[] {
  return [
    { label: 'resources.opinions.fields.receivedOn', value: (r) => r.receivedOn },
    {
      label: 'resources.opinions.fields.unitCode',
      value: (r, _t, related) => (related.unitCode?.[r.unitCode]?.name as string | undefined) ?? r.unitCode,
    },
    { label: 'resources.opinions.fields.evaluatorGroupCode', value: (r) => groupLabel(r.evaluatorGroupCode) },
    { label: 'resources.opinions.fields.text', value: (r) => r.text },
    {
      label: 'resources.opinions.fields.status',
      value: (r, translate) => translate(`pingyi.opinions.status.${r.status}`),
    },
    { label: 'resources.opinions.fields.tags', value: (r) => (r.tags ?? []).join('、') },
    {
      label: 'resources.opinions.fields.rectificationItemId',
      value: (r, _t, related) => {
        const item = r.rectificationItemId ? related.rectificationItemId?.[r.rectificationItemId] : undefined;
        return item ? `#${String(item.id)} ${String(item.title ?? '')}`.trim() : '';
      },
    },
  ];
}
