import { newCampaignKey, newSerial } from '@pingyi/omr';
import { describe, expect, it } from 'vitest';
import { PrintSheetKind } from './print-run.entity';
import { type PdfSink, streamSheetsPdf } from './sheet-pdf';

/** A sink that counts what it is given and asks for a drain now and then, like a slow client. */
class SlowSink implements PdfSink {
  bytes = 0;
  writes = 0;
  ended = false;
  maxPending = 0;
  private pending = 0;
  private readonly listeners = new Map<string, (() => void)[]>();

  write(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    this.writes += 1;
    this.pending += chunk.length;
    this.maxPending = Math.max(this.maxPending, this.pending);
    if (this.pending < 256 * 1024) return true;
    setTimeout(() => {
      this.pending = 0;
      for (const listener of this.listeners.get('drain')?.splice(0) ?? []) listener();
    }, 1);
    return false;
  }

  end(): void {
    this.ended = true;
  }

  once(event: 'drain' | 'close', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
}

const layout = {
  campaignTitle: '2026年度民主评议',
  groupLabel: '城乡居民',
  units: Array.from({ length: 80 }, (_, i) => ({ code: `u${i}`, name: `单位${i + 1}` })),
  levels: ['满意', '比较满意', '基本满意', '不太满意', '不满意', '不了解'].map((label, i) => ({
    code: `l${i}`,
    label,
  })),
};

describe('the sheets PDF', () => {
  it('streams page by page, waiting for the sink to drain, and ends it; the sheets share their printed content', async () => {
    const sink = new SlowSink();
    const started = Date.now();
    await streamSheetsPdf(
      {
        kind: PrintSheetKind.APPRAISAL,
        campaignKey: newCampaignKey(),
        groupIndex: 3,
        layout,
        serials: Array.from({ length: 200 }, () => newSerial()),
      },
      sink,
    );
    const ms = Date.now() - started;
    console.info(`200 sheets × 2 pages: ${sink.bytes} bytes in ${ms} ms`);
    expect(sink.ended).toBe(true);
    expect(sink.writes).toBeGreaterThan(400);
    // never much more than one sheet ahead of the sink: its 256 KiB before it pushes back, plus the first
    // sheet, which carries the shared content of both pages
    expect(sink.maxPending).toBeLessThan(640 * 1024);
    // the table, header and marks are drawn once, not on each sheet: a sheet adds its label, serial and page
    // numbers (≈ 3 KB), where drawing each page in full made ≈ 29 KB
    expect(sink.bytes).toBeLessThan(200 * 6 * 1024);
  });
});
