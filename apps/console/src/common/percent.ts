/**
 * Rates as people read them. The server sends two kinds: shares from 0 to 1
 * (the rectification rate) and percentages from 0 to 100 (participation,
 * progress, level rates). Every rate the console shows goes through here.
 */

/** A share from 0 to 1 as a percentage from 0 to 100 (`null` stays `null`). */
export function percentOfShare(share: number | null | undefined): number | null {
  return share === null || share === undefined || !Number.isFinite(share) ? null : share * 100;
}

/** A percentage as text, to at most `decimals` places without trailing zeros: 33.33%, 100%, —. */
export function formatPercent(percent: number | null | undefined, decimals = 2): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  const factor = 10 ** decimals;
  return `${Math.round(percent * factor) / factor}%`;
}
