import { FILE_LIMITS, fileLimitExceeded } from './file-limits';

/** What one XML part of a workbook may hold. */
export interface XmlPartLimits {
  /** The part's name in reports (`xl/sharedStrings.xml`). */
  readonly part: string;
  /** Most elements per local name (`si`, `row`, `col`), and most `c` elements per `row` with `cellsPerRow`. */
  readonly elements?: Readonly<
    Record<string, { readonly max: number; readonly limit: 'sharedStrings' | 'sheetRowElements' | 'sheetColumns' }>
  >;
  readonly cellsPerRow?: number;
  /** Most bytes of text in all text runs together. */
  readonly textBytes?: { readonly max: number; readonly limit: 'sharedStringsTextBytes' };
}

const LT = 0x3c;
const GT = 0x3e;
const decoder = new TextDecoder();

/**
 * Counts what an XML byte stream holds as it passes, without parsing it: each
 * byte is inside a tag (at most `xmlTagBytes` long) or in a text run between
 * tags (at most `xmlTextBytes`), and elements are counted by local name. Any
 * byte sequence is bounded this way, whatever a hostile file hides in
 * comments or CDATA: such tricks can only make the counts larger.
 */
export class XmlLimitScanner {
  private inTag = false;
  private tag: number[] = [];
  private tagBytes = 0;
  private textRun = 0;
  private textTotal = 0;
  private readonly counts = new Map<string, number>();
  private cellsInRow = 0;
  private row = '';

  constructor(private readonly limits: XmlPartLimits) {}

  /** Counts a chunk; throws `FILE_LIMIT_EXCEEDED` naming the limit and where. */
  scan(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      if (this.inTag) {
        if (byte === GT) {
          this.inTag = false;
          this.endTag();
          continue;
        }
        if ((this.tagBytes += 1) > FILE_LIMITS.xmlTagBytes)
          throw this.exceeded('xmlTagBytes', FILE_LIMITS.xmlTagBytes, 'a tag is too long');
        if (this.tag.length < 64) this.tag.push(byte); // the name and the first attribute are enough to report where
        continue;
      }
      if (byte === LT) {
        this.inTag = true;
        this.tag = [];
        this.tagBytes = 0;
        this.textRun = 0;
        continue;
      }
      if ((this.textRun += 1) > FILE_LIMITS.xmlTextBytes)
        throw this.exceeded('xmlTextBytes', FILE_LIMITS.xmlTextBytes, 'a cell or string holds too much text');
      const total = this.limits.textBytes;
      if (total && (this.textTotal += 1) > total.max)
        throw this.exceeded(total.limit, total.max, 'the strings hold too much text together');
    }
  }

  private endTag(): void {
    const text = decoder.decode(Uint8Array.from(this.tag));
    if (text.startsWith('/') || text.startsWith('?') || text.startsWith('!')) return;
    const name = /^[^\s/>]*/.exec(text)?.[0] ?? '';
    const local = name.slice(name.indexOf(':') + 1);
    if (local === 'row') {
      this.cellsInRow = 0;
      this.row = /\sr="(\d+)"/.exec(text)?.[1] ?? String((this.counts.get('row') ?? 0) + 1);
    } else if (
      local === 'c' &&
      this.limits.cellsPerRow !== undefined &&
      (this.cellsInRow += 1) > this.limits.cellsPerRow
    ) {
      throw this.exceeded('cellsPerRow', this.limits.cellsPerRow, 'the row has too many cells');
    }
    const rule = this.limits.elements?.[local];
    if (!rule) return;
    const count = (this.counts.get(local) ?? 0) + 1;
    this.counts.set(local, count);
    if (count > rule.max) throw this.exceeded(rule.limit, rule.max, `more than ${rule.max} <${local}> elements`);
  }

  private exceeded(limit: Parameters<typeof fileLimitExceeded>[0], max: number, what: string) {
    const where = this.row ? `${this.limits.part} row ${this.row}` : this.limits.part;
    return fileLimitExceeded(limit, max, where, what);
  }
}
