import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { type SuiteContext } from '../suite-context';

const ROWS = 10_000;

/** Milliseconds `work` takes. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}

/** A list of 10,000 rows stays responsive: the server pages, sorts and filters it. */
export function largeListsScenario(ctx: SuiteContext, record: (figures: Record<string, number>) => void): void {
  it(`pages, sorts and filters ${ROWS.toLocaleString()} audit entries on the server`, async () => {
    const { server } = ctx;
    // a tab of its own (same sign-in): its list state stays out of the other scenarios' way
    const page = await ctx.page.context().newPage();
    // 10,000 rows straight into the table (the audit log has no bulk API, and should not)
    await server.dataSource.query(
      `INSERT INTO audit_entry (bureau_id, called_by_user_id, called_by, operation, args, success, error_code, request_id, ip, called_at)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
       SELECT 1, NULL, 'load-' || (i % 50), CASE i % 3 WHEN 0 THEN 'updateWorkItem' WHEN 1 THEN 'fireRectificationEvent' ELSE 'login' END,
              '{}', i % 7 <> 0, CASE WHEN i % 7 = 0 THEN 'FORBIDDEN' END, NULL, '10.0.0.' || (i % 200), datetime('now', '-' || i || ' minutes')
       FROM n`,
    );
    const figures: Record<string, number> = {};
    figures.firstPageMs = await timed(async () => {
      await open(page, server.url, '/auditLog');
      await page
        .getByText(/共 1\d,\d{3} 条|共 1\d{4} 条/)
        .first()
        .waitFor();
    });
    const rangeInfo = await page
      .getByText(/共 .* 条/)
      .first()
      .innerText();
    expect(Number(rangeInfo.replace(/.*共\s*([\d,]+)\s*条.*/, '$1').replace(/,/g, ''))).toBeGreaterThanOrEqual(ROWS);
    figures.lastPageMs = await timed(async () => {
      await page.getByRole('button', { name: '转到第 201 页' }).click();
      // the last page starts at row 10,001 (50 rows a page)
      await page
        .getByText(/第 10,?001-/)
        .first()
        .waitFor();
    });
    figures.sortMs = await timed(async () => {
      await page.getByRole('button', { name: '操作' }).first().click();
      await settle(page);
    });
    figures.filterMs = await timed(async () => {
      await page.locator('input[name="username"]').fill('load-7');
      await page.getByText(/共 200 条/).waitFor();
    });
    await screenshot(page, 'audit-log-10000');
    await page.close();
    record(figures);
    for (const [step, ms] of Object.entries(figures)) expect(ms, step).toBeLessThan(5_000);
  });
}
