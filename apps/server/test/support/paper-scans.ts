import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  appraisalSheetLayout,
  fillMarks,
  type GreyImage,
  type MarkSpec,
  scanDistort,
  type ScanDistortion,
} from '@pingyi/omr';
import { type TestServer } from '@pingyi/testing';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { type JsonObject } from './ballot-fixtures';

// Fixtures of the scan suites: print a run on the server, rasterise its PDF
// as a printer and scanner would (pdftoppm), mark the pages with the omr
// generator, and upload the scans.

/** Why printed-sheet tests cannot run here, or null when pdftoppm (poppler-utils) is installed. */
export const noPdftoppm = (): string | null =>
  spawnSync('pdftoppm', ['-v']).error ? 'pdftoppm (poppler-utils) is not installed' : null;

export const CREATE_PRINT_RUN = `mutation($input: CreatePrintRunInput!) {
  createPrintRun(input: $input) { __typename ... on PrintRun { id sheets pagesPerSheet pdfUrl } ... on ErrorResult { errorCode message } }
}`;

/** Prints `sheets` appraisal sheets of a group; answers the PDF's bytes. */
export async function printRun(
  server: TestServer,
  token: string,
  campaignId: string,
  groupCode: string,
  sheets: number,
): Promise<{ id: string; pagesPerSheet: number; pdf: Uint8Array }> {
  const { createPrintRun: run } = await server.gqlOk<{ createPrintRun: JsonObject }>(
    CREATE_PRINT_RUN,
    { input: { campaignId, groupCode, kind: 'APPRAISAL', sheets } },
    token,
  );
  const response = await server.fetch(String(run.pdfUrl), { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`print run PDF: ${response.status} ${await response.text()}`);
  return {
    id: String(run.id),
    pagesPerSheet: Number(run.pagesPerSheet),
    pdf: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The pages of a PDF as grey rasters at `dpi`, as a printer then a flatbed would see them. */
export async function rasterise(pdf: Uint8Array, dpi = 200): Promise<GreyImage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-scan-'));
  try {
    fs.writeFileSync(path.join(dir, 'run.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', path.join(dir, 'run.pdf'), path.join(dir, 'p')]);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    return await Promise.all(
      files.map(async (file) => {
        const { data, info } = await sharp(path.join(dir, file))
          .greyscale()
          .raw()
          .toBuffer({ resolveWithObject: true });
        return {
          data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
          width: info.width,
          height: info.height,
        };
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A printed appraisal page filled with `marks` (one per row) and scanned with `distortion`: JPEG or PNG bytes. */
export async function markedScan(
  page: GreyImage,
  unitCount: number,
  pageNumber: number,
  marks: readonly (MarkSpec | undefined)[],
  distortion: ScanDistortion = {},
  dpi = 200,
): Promise<Uint8Array> {
  const layout = appraisalSheetLayout(unitCount, 6).pages[pageNumber - 1];
  if (!layout) throw new Error(`no page ${pageNumber}`);
  return scanDistort(fillMarks(page, dpi / 25.4, layout, marks, pageNumber), { dpi, ...distortion });
}

/** Several JPEG scans as one PDF, as a sheet-fed office scanner writes it (one image per page). */
export async function scannerPdf(jpegs: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

/** Uploads one scan file to a scanned batch and waits until it is read. */
export async function uploadScan(
  server: TestServer,
  token: string,
  batchId: string,
  body: Uint8Array,
  name: string,
): Promise<{ status: number; body: JsonObject }> {
  const response = await server.fetch(`/paper-batches/${batchId}/scans?name=${encodeURIComponent(name)}&wait=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: response.status, body: (await response.json()) as JsonObject };
}
