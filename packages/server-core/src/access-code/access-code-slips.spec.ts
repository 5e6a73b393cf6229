import { qrSvg } from '@pingyi/omr';
import { describe, expect, it } from 'vitest';
import { generateAccessCode } from './access-code-format';
import { SLIP_QR_MM, SLIP_QR_TITLE, renderCodesCsv, renderSlipsHtml, slipLink } from './access-code-slips';

const context = {
  campaignName: '2025年度民主评议机关',
  groupCode: 'residents',
  groupLabel: '城乡居民',
  ballotUrl: 'https://pingyi.example/vote',
  window: '2025-10-16 至 2025-11-15',
};

describe('access code slips', () => {
  it('prints one slip per code, ten per A4 page, with the campaign, the group and how to vote', () => {
    const codes = Array.from({ length: 23 }, () => generateAccessCode());
    const html = renderSlipsHtml(codes, context);
    expect(html.match(/<section class="slip">/g)).toHaveLength(23);
    expect(html.match(/<div class="sheet">/g)).toHaveLength(3);
    expect(html).toContain('@page { size: A4 portrait');
    expect(html).toContain('<html lang="zh-CN">');
    for (const code of codes)
      expect(html).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`);
    expect(html.match(/城乡居民/g)?.length).toBeGreaterThanOrEqual(23);
    expect(html).toContain('https://pingyi.example/vote');
    expect(html).toContain('2025-10-16 至 2025-11-15');
  });

  it('gives each slip a QR code of the ballot page with the code in the fragment, and keeps the typed code', () => {
    const codes = [generateAccessCode(), generateAccessCode()];
    const html = renderSlipsHtml(codes, context);
    expect(html.match(/<svg /g)).toHaveLength(2);
    for (const code of codes) {
      const link = slipLink(context.ballotUrl, code);
      expect(link).toBe(`https://pingyi.example/vote#code=${code.replace(/-/g, '')}`);
      expect(html).toContain(qrSvg(link, SLIP_QR_MM, SLIP_QR_TITLE));
      expect(html).toContain(`<title>${SLIP_QR_TITLE}</title>`);
      expect(html).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}`);
    }
    expect(slipLink('https://x.example/vote#old', 'ABCD-EFGH')).toBe('https://x.example/vote#code=ABCDEFGH');
  });

  it('escapes every text it did not write itself', () => {
    const html = renderSlipsHtml([generateAccessCode()], {
      ...context,
      campaignName: '<script>alert(1)</script>',
      ballotUrl: '"><img src=x>',
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('writes a CSV for the printer: BOM, header, one formatted code per line, cells quoted when needed', () => {
    const codes = [generateAccessCode(), generateAccessCode()];
    const csv = renderCodesCsv(codes, { ...context, campaignName: '评议, "2025"' });
    expect(csv.startsWith('\uFEFFcode,group,group_label,campaign\r\n')).toBe(true);
    expect(csv.match(/\uFEFF/g)).toHaveLength(1); // one BOM, never two
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2},residents,城乡居民,"评议, ""2025"""$/);
  });

  it('neutralizes spreadsheet formulas in labels', () => {
    const csv = renderCodesCsv([generateAccessCode()], { ...context, groupLabel: '=HYPERLINK("x")' });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
