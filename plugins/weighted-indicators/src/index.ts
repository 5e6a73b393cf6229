import { SEED_PLAN } from '@pingyi/domain';
import { definePlugin } from '@pingyi/server-core';
import { COMPOSITE_CODE, compositeStrategy } from './composite.strategy';
import { COMPLAINTS, INSPECTION_SCORE } from './indicators';

/**
 * `@pingyi/plugin-weighted-indicators`: the composite rule "public
 * satisfaction 70% + complaints 20% + inspections 10%" over per-unit
 * indicators, and a campaign template (the seed plan scored that way).
 *
 * ```json
 * { "plugins": ["@pingyi/plugin-weighted-indicators"] }
 * ```
 */
const plugin = definePlugin({
  name: '@pingyi/plugin-weighted-indicators',
  version: '0.1.0',
  compatibility: '^0.1.0',
  description: 'Composite rule: satisfaction 70% + complaints 20% + inspections 10% (weights are arguments)',
  strategies: [compositeStrategy],
  indicators: [COMPLAINTS, INSPECTION_SCORE],
  templates: [
    {
      code: 'weighted-indicators/seed-composite',
      label: '民主评议机关工作（综合评分：满意度 70% + 投诉 20% + 明查暗访 10%）',
      description:
        'The seed plan, scored by the composite rule; the campaign records complaints and inspection scores per unit.',
      plan: SEED_PLAN,
      policy: {
        version: 1,
        scale: SEED_PLAN.scale.map(({ code, label, points }) => ({ code, label, points })),
        strategy: {
          code: COMPOSITE_CODE,
          args: { satisfactionWeight: 0.7, complaintsWeight: 0.2, inspectionWeight: 0.1 },
        },
        minCounted: 30,
        decimals: 2,
        tiers: [
          { code: 'satisfied', label: '满意', min: 85 },
          { code: 'basicallySatisfied', label: '基本满意', min: 60 },
          { code: 'dissatisfied', label: '不满意', min: null },
        ],
      },
      indicators: [COMPLAINTS, INSPECTION_SCORE],
    },
  ],
});

export default plugin;
export { COMPOSITE_CODE, compositeStrategy } from './composite.strategy';
export { COMPLAINTS, INSPECTION_SCORE } from './indicators';
