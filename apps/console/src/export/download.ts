import { type Cell, toCsv } from './csv';

/** Saves `data` as a file through the browser. */
export function downloadBlob(data: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(rows: readonly (readonly Cell[])[], filename: string): void {
  downloadBlob(toCsv(rows), filename, 'text/csv;charset=utf-8');
}

/** XLSX is built on demand (its writer is loaded only when someone exports). */
export async function downloadXlsx(
  rows: readonly (readonly Cell[])[],
  filename: string,
  sheetName?: string,
): Promise<void> {
  const { toXlsx } = await import('./xlsx');
  downloadBlob(
    toXlsx(rows, sheetName) as BlobPart,
    filename,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}
