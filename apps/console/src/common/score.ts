/**
 * Scores as the policy rounds them: always its number of decimals, trailing
 * zeros kept (85.00, not 85). Every score the console shows goes through here.
 */

const DEFAULT_DECIMALS = 2;

/** The decimals of a policy (JSON as the server sends it), 0 to 6; 2 when it does not say. */
export function decimalsOf(policyJson: string | null | undefined): number {
  if (!policyJson) return DEFAULT_DECIMALS;
  try {
    const decimals = (JSON.parse(policyJson) as { decimals?: unknown }).decimals;
    return typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 && decimals <= 6
      ? decimals
      : DEFAULT_DECIMALS;
  } catch {
    return DEFAULT_DECIMALS;
  }
}

/** The most points a level of the policy's scale gives (the top of a score axis), or null. */
export function scaleMaxOf(policyJson: string | null | undefined): number | null {
  try {
    const scale = (JSON.parse(policyJson ?? '{}') as { scale?: { points?: unknown }[] }).scale ?? [];
    const points = scale
      .map((level) => level.points)
      .filter((p): p is number => typeof p === 'number' && Number.isFinite(p));
    return points.length ? Math.max(...points) : null;
  } catch {
    return null;
  }
}

/** A score with exactly `decimals` places: 85.00, 72.50, —. */
export function formatScore(score: number | null | undefined, decimals: number = DEFAULT_DECIMALS): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return score.toFixed(decimals);
}

/** A change of score with its sign: +1.50, -0.25, 0.00, —. */
export function formatScoreChange(change: number | null | undefined, decimals: number = DEFAULT_DECIMALS): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  return `${change > 0 ? '+' : ''}${formatScore(change, decimals)}`;
}
