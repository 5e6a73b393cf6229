import { Chip } from '@mui/material';

const COLORS = ['success', 'info', 'warning', 'error', 'default'] as const;

/** A tier as a chip, coloured by its place in the policy's tier list (best first). */
export function TierChip({ label, index }: { label: string | null; index: number }) {
  if (!label) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[Math.min(Math.max(index, 0), COLORS.length - 1)]}
      label={label}
    />
  );
}

/** Index of a tier code in the policy's tiers (−1 when unknown), for colouring. */
export function tierIndex(policyJson: string | undefined, tier: string | null): number {
  if (!policyJson || !tier) return -1;
  try {
    const policy = JSON.parse(policyJson) as { tiers?: { code: string }[]; strategy?: { args?: { tiers?: string[] } } };
    const codes = policy.tiers?.map((t) => t.code) ?? [];
    const index = codes.indexOf(tier);
    return index >= 0 ? index : (policy.strategy?.args?.tiers ?? []).indexOf(tier);
  } catch {
    return -1;
  }
}
