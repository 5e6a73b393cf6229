import { SEED_PLAN } from '@pingyi/domain';
import { type CampaignTemplate } from '../plugin/campaign-template';

/**
 * The seed's scoring policy: its six-level scale, the nine evaluator groups
 * weighted (the seed gives no weights; these are the reference assumption,
 * the same as `examples/seed-policy.json`), at least 30 counted votes, and
 * the tiers 满意 (≥ 85) / 基本满意 (≥ 60) / 不满意.
 */
export const SEED_TEMPLATE_POLICY = {
  version: 1,
  scale: SEED_PLAN.scale.map(({ code, label, points }) => ({ code, label, points })),
  unknownInDenominator: false,
  groups: [
    { code: 'partyCongressDeputies', label: '党代表', weight: 1.5 },
    { code: 'peoplesCongressDeputies', label: '人大代表', weight: 1.5 },
    { code: 'cppccMembers', label: '政协委员', weight: 1.5 },
    { code: 'retiredCadres', label: '离退休干部', weight: 1 },
    { code: 'supervisorsAndJournalists', label: '监督员/记者', weight: 1 },
    { code: 'grassrootsLeaders', label: '基层负责人', weight: 1.5 },
    { code: 'professionals', label: '专业技术人员', weight: 1 },
    { code: 'enterpriseRepresentatives', label: '企业代表', weight: 1 },
    { code: 'residents', label: '城乡居民', weight: 3 },
  ],
  strategy: { code: 'group-weighted-mean', args: {} },
  minCounted: 30,
  decimals: 2,
  tiers: [
    { code: 'satisfied', label: '满意', min: 85 },
    { code: 'basicallySatisfied', label: '基本满意', min: 60 },
    { code: 'dissatisfied', label: '不满意', min: null },
  ],
} as const;

/** The built-in template: the reference plan of the seed (a city public security bureau). */
export const SEED_TEMPLATE: CampaignTemplate = {
  code: 'seed',
  label: '民主评议机关工作（市公安局参考方案）',
  description:
    'The seed plan: four phases (动员部署 6/18 … 整改提高 to year end), its texts, ten units, themes and work items, nine evaluator groups (10,000 evaluators), the six-level scale.',
  plan: SEED_PLAN,
  policy: SEED_TEMPLATE_POLICY,
};
