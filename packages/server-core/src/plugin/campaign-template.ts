import { type CampaignPlan, isPingyiError, PingyiError, validateCampaignPlan } from '@pingyi/domain';
import { parsePolicy, type ScoringPolicy, type StrategyRegistry } from '@pingyi/scoring';
import { repath } from '../common/rethrow-at';
import { type IndicatorDeclaration, parseIndicatorDeclarations } from '../indicator/indicator-declaration';
import { indicatorsOf } from '../indicator/indicator-strategy';

/**
 * A campaign template: a whole plan as data (phases with dates relative to the
 * year, guiding principle, objectives, requirements, units, themes and work
 * items with lead units, evaluator groups and quotas, scale) plus the scoring
 * policy and the per-unit indicators a campaign made from it records. The
 * seed's plan is the built-in template `seed`; plugins add more.
 */
export interface CampaignTemplate {
  /** `seed`, or a plugin's `prefix/name` (e.g. `county/standard`). */
  readonly code: string;
  readonly label: string;
  readonly description?: string;
  readonly plan: CampaignPlan;
  /**
   * The scoring policy (CONTRACTS.md §1) as JSON data. Its scale must be the
   * plan's. Default: `weighted-mean` over the plan's scale.
   */
  readonly policy?: unknown;
  readonly indicators?: readonly IndicatorDeclaration[];
}

const CODE = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/i;

/** The policy a template without one gets: the weighted mean over the plan's scale, no tiers. */
export function defaultPolicyOf(plan: CampaignPlan): unknown {
  return {
    version: 1,
    scale: plan.scale.map(({ code, label, points }) => ({ code, label, points })),
    strategy: { code: 'weighted-mean', args: {} },
  };
}

/** The template's policy checked against `registry` (its scale must be the plan's). */
export function templatePolicy(template: CampaignTemplate, registry: StrategyRegistry): ScoringPolicy {
  return parsePolicy(template.policy ?? defaultPolicyOf(template.plan), registry);
}

/**
 * Checks a template (untrusted): code and label, the plan (placed in a
 * reference year by the domain), the policy against `registry` with the
 * plan's scale and groups, the indicators, and that the strategy's
 * indicators are declared. Throws `INVALID_TEMPLATE` whose path names the
 * field (`plan.phases[1].end`, `policy.strategy.args.trim`).
 */
export function validateCampaignTemplate(raw: unknown, registry: StrategyRegistry): CampaignTemplate {
  const fail = (path: string, message: string): never => {
    throw new PingyiError('INVALID_TEMPLATE', message, path);
  };
  const within = <T>(prefix: string, check: () => T): T => {
    try {
      return check();
    } catch (error) {
      if (!isPingyiError(error)) throw error;
      throw repath(error, prefix, 'INVALID_TEMPLATE');
    }
  };
  if (typeof raw !== 'object' || raw === null)
    return fail('template', 'must be an object { code, label, plan, policy?, indicators? }');
  const template = raw as Record<string, unknown>;
  if (typeof template.code !== 'string' || !CODE.test(template.code))
    fail(
      'code',
      `must be a template code (letters, digits, . _ - and one optional "/"), got ${JSON.stringify(template.code)}`,
    );
  if (typeof template.label !== 'string' || template.label.trim() === '') fail('label', 'must be non-empty text');
  if (template.description !== undefined && typeof template.description !== 'string')
    fail('description', 'must be text');
  const plan = within('plan', () => validateCampaignPlan(template.plan));
  const policy = within('policy', () => parsePolicy(template.policy ?? defaultPolicyOf(plan), registry));
  const scaleOf = (levels: readonly { code: string; points: number | null }[]) =>
    levels.map((level) => `${level.code}:${level.points}`).join(', ');
  if (scaleOf(policy.scale) !== scaleOf(plan.scale))
    fail('policy.scale', `must be the plan's scale (${scaleOf(plan.scale)}), got ${scaleOf(policy.scale)}`);
  if (policy.groups) {
    const listed = new Set(policy.groups.map((group) => group.code));
    const missing = plan.evaluatorGroups.filter((group) => !listed.has(group.code)).map((group) => group.code);
    if (missing.length > 0)
      fail('policy.groups', `lists no weight for the plan's evaluator group(s) ${missing.join(', ')}`);
  }
  const indicators = within('', () => parseIndicatorDeclarations(template.indicators, 'indicators'));
  const declared = new Set(indicators.map((indicator) => indicator.code));
  const needed = indicatorsOf(registry.getOrThrow(policy.strategy.code)).filter((code) => !declared.has(code));
  if (needed.length > 0)
    fail(
      'indicators',
      `the strategy ${policy.strategy.code} reads ${needed.join(', ')}, which the template does not declare`,
    );
  return raw as CampaignTemplate;
}
