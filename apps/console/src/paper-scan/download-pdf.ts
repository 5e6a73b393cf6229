import { type PingyiDataProvider } from '../data/data-provider';
import { downloadBlob } from '../export/download';

/** The file name the server gave (`filename*=UTF-8''…`, `filename="…"`), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '')?.[1];
  return plain ?? fallback;
}

/** Downloads a file of the server (`GET path`) with the session's token and saves it as `fallback` unless the server names it. */
export async function downloadWithToken(
  dataProvider: PingyiDataProvider,
  path: string,
  fallback: string,
): Promise<void> {
  const response = await dataProvider.rest(path);
  const type = response.headers.get('content-type') ?? 'application/pdf';
  downloadBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition'), fallback), type);
}
