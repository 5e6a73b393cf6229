import {
  buildUnitTree,
  DEFAULT_TIME_ZONE,
  isPingyiError,
  type LeadingGroup,
  parseCampaignCalendar,
  parseEvaluatorGroups,
  parseLeadingGroup,
  parseObjectives,
  parseRequirements,
  parseThemes,
  parseTimeZone,
  parseWorkItem,
  PingyiError,
  type PlanWorkItem,
  type Theme,
  type Unit,
} from '@pingyi/domain';
import { parsePolicy, type ScoringPolicy, type StrategyRegistry } from '@pingyi/scoring';
import { checkCampaignFields, checkPolicyCoversGroups } from '../campaign/campaign-input';
import { repath } from '../campaign/rethrow-at';
import { checkCode, checkInt, checkIsoDate, checkOptionalText, checkText } from '../common/validation';
import { type IndicatorDeclaration, parseIndicatorDeclarations } from '../indicator/indicator-declaration';
import { indicatorsOf } from '../indicator/indicator-strategy';
import { CAMPAIGN_CONFIG_FORMAT, CAMPAIGN_CONFIG_VERSION, type CampaignConfig, type ConfigEvaluatorGroup, type ConfigOfficeMember, type ConfigPhase } from './campaign-config';
import { type ProblemData } from './problem-result';

/** A checked configuration: clean values ready to apply, with the parsed policy. */
export interface CheckedCampaignConfig {
  readonly config: CampaignConfig;
  readonly policy: ScoringPolicy;
}

/** The outcome of {@link checkCampaignConfig}: the checked configuration, or every problem. */
export type CampaignConfigCheck = { readonly ok: true; readonly checked: CheckedCampaignConfig } | { readonly ok: false; readonly problems: readonly ProblemData[] };

const MAX_LIST = 500;

type Raw = Record<string, unknown>;
const asObject = (value: unknown): Raw | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null);

/**
 * Checks a campaign configuration (untrusted, e.g. a parsed JSON or YAML
 * file) and reports EVERY problem it can find, each with a path
 * (`campaign.phases[2].start`, `workItems[4].leadUnitCodes[0]`, `policy.tiers`)
 * and the rule's code: each field and each list item is checked on its own
 * with the domain's and scoring's rules, then the cross-checks (policy groups
 * cover the evaluator groups, work items name known themes and units, the
 * strategy's indicators are declared), and last the campaign module's own
 * check. `registry` holds the strategies a policy may name.
 */
export function checkCampaignConfig(raw: unknown, registry: StrategyRegistry): CampaignConfigCheck {
  const problems: ProblemData[] = [];
  const attempt = <T>(path: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!isPingyiError(error)) throw error;
      const problem = repath(error, '');
      const bare = problem.path && problem.message.startsWith(`${problem.path}: `) ? problem.message.slice(problem.path.length + 2) : problem.message;
      problems.push({ path: problem.path || path, message: bare, code: error.code });
      return undefined;
    }
  };
  const fail = (path: string, message: string, code = 'INVALID_CAMPAIGN_CONFIG'): never => {
    throw new PingyiError(code, message, path);
  };

  const root = asObject(raw);
  if (!root) return { ok: false, problems: [{ path: '(file)', message: 'must be an object with format, version, campaign, evaluatorGroups, policy, units...', code: 'INVALID_CAMPAIGN_CONFIG' }] };
  attempt('format', () => root.format === CAMPAIGN_CONFIG_FORMAT || fail('format', `must be "${CAMPAIGN_CONFIG_FORMAT}", got ${JSON.stringify(root.format)}`));
  attempt('version', () => root.version === CAMPAIGN_CONFIG_VERSION || fail('version', `must be ${CAMPAIGN_CONFIG_VERSION}, got ${JSON.stringify(root.version)}`));
  const template = attempt('template', () => checkOptionalText(root.template, 'template', { max: 100 }) ?? undefined);

  // The campaign: every field on its own.
  const campaign = asObject(root.campaign) ?? {};
  if (!asObject(root.campaign)) attempt('campaign', () => fail('campaign', 'is required: { year, name, timeZone, phases, guidingPrinciple, objectives, requirements }'));
  const name = attempt('campaign.name', () => checkText(campaign.name, 'campaign.name', { max: 200 }));
  const year = attempt('campaign.year', () => checkInt(campaign.year, 'campaign.year', 2000, 2999));
  const timeZone = attempt('campaign.timeZone', () => parseTimeZone(campaign.timeZone ?? DEFAULT_TIME_ZONE, 'campaign.timeZone'));
  const phases = listOf(campaign.phases, 'campaign.phases', attempt, (item, at): ConfigPhase => {
    const phase = asObject(item) ?? fail(at, 'must be { code, label, start, end }');
    return {
      code: checkCode(phase.code, `${at}.code`),
      label: checkText(phase.label, `${at}.label`, { max: 50 }),
      start: checkIsoDate(phase.start, `${at}.start`),
      end: checkIsoDate(phase.end, `${at}.end`),
    };
  });
  if (phases && phases.length > 0 && timeZone) {
    const start = phases.map((p) => p.start).reduce((a, b) => (a <= b ? a : b));
    const end = phases.map((p) => p.end).reduce((a, b) => (a >= b ? a : b));
    attempt('campaign.phases', () => parseCampaignCalendar({ start, end, timeZone, phases }, 'campaign'));
    if (year !== undefined && Number(start.slice(0, 4)) !== year) {
      attempt('campaign.year', () => fail('campaign.year', `must be the year the first phase starts (${start.slice(0, 4)}), got ${year}`));
    }
  } else if (phases) attempt('campaign.phases', () => fail('campaign.phases', 'a campaign needs at least one phase'));
  const guidingPrinciple = attempt('campaign.guidingPrinciple', () => checkText(campaign.guidingPrinciple, 'campaign.guidingPrinciple', { max: 20_000 }));
  const objectives = attempt('campaign.objectives', () => parseObjectives(campaign.objectives, 'campaign.objectives'));
  const requirements = attempt('campaign.requirements', () => parseRequirements(campaign.requirements, 'campaign.requirements'));

  const groups = attempt('evaluatorGroups', () => parseEvaluatorGroups(root.evaluatorGroups, 'evaluatorGroups'));
  const policy = attempt('policy', () => {
    if (root.policy === undefined) fail('policy', 'is required: the scoring policy (version 1)');
    return checkAtPath('policy', () => parsePolicy(root.policy, registry));
  });
  if (policy && groups) attempt('policy.groups', () => checkPolicyCoversGroups(policy, groups, 'policy'));

  // The organization.
  const unitShapes = listOf(root.units, 'units', attempt, (item, at): Unit => {
    const unit = asObject(item) ?? fail(at, 'must be { code, name, parentCode, appraised }');
    const parent = unit.parentCode === null || unit.parentCode === undefined || unit.parentCode === '' ? null : checkCode(unit.parentCode, `${at}.parentCode`);
    if (typeof unit.appraised !== 'boolean') fail(`${at}.appraised`, `must be true or false, got ${JSON.stringify(unit.appraised)}`);
    return { code: checkCode(unit.code, `${at}.code`), name: checkText(unit.name, `${at}.name`, { max: 100 }), parentCode: parent, appraised: unit.appraised as boolean };
  });
  const tree = unitShapes ? attempt('units', () => buildUnitTree(unitShapes, 'units')) : undefined;
  if (tree && !tree.units.some((unit) => unit.appraised)) attempt('units', () => fail('units', 'no unit is appraised: the ballot would be empty'));
  const leadingGroup = root.leadingGroup === null || root.leadingGroup === undefined ? null : attempt('leadingGroup', () => parseLeadingGroup(root.leadingGroup, 'leadingGroup'));
  const office = listOf(root.appraisalOffice ?? [], 'appraisalOffice', attempt, (item, at): ConfigOfficeMember => {
    const member = asObject(item) ?? fail(at, 'must be { name, position?, duty? }');
    const position = checkOptionalText(member.position, `${at}.position`, { max: 200 });
    const duty = checkOptionalText(member.duty, `${at}.duty`, { max: 500 });
    return { name: checkText(member.name, `${at}.name`, { max: 100 }), ...(position ? { position } : {}), ...(duty ? { duty } : {}) };
  });

  // The work plan: themes, then each work item against the themes and units found.
  const themes = attempt('themes', () => parseThemes(root.themes ?? [], 'themes'));
  const themeCodes = new Set((themes ?? rawCodes(root.themes)).map((theme) => theme.code));
  const unitCodes = new Set((tree?.units ?? rawCodes(root.units)).map((unit) => unit.code));
  const numbered = new Map<string, string>();
  const workItems = listOf(root.workItems ?? [], 'workItems', attempt, (item, at): PlanWorkItem => {
    const raw = asObject(item) ?? fail(at, 'must be { themeCode, number, text, leadUnitCodes }');
    const parsed = parseWorkItem({ ...raw, progress: 0, updates: [] }, at, { themeCodes, unitCodes });
    checkText(parsed.text, `${at}.text`, { min: 0, max: 10_000 });
    const key = `${parsed.themeCode} (${parsed.number})`;
    const first = numbered.get(key);
    if (first) fail(`${at}.number`, `work item ${key} is already ${first}`);
    numbered.set(key, at);
    const { progress: _progress, updates: _updates, ...planned } = parsed;
    return planned;
  });

  const indicators = attempt('indicators', () => parseIndicatorDeclarations(root.indicators ?? [], 'indicators'));
  if (policy && indicators) {
    const declared = new Set(indicators.map((indicator) => indicator.code));
    const strategy = registry.get(policy.strategy.code);
    const missing = strategy ? indicatorsOf(strategy).filter((code) => !declared.has(code)) : [];
    if (missing.length > 0) {
      attempt('indicators', () => fail('indicators', `the strategy ${policy.strategy.code} reads ${missing.map((c) => `"${c}"`).join(', ')}; declare them here`));
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const config: CampaignConfig = {
    format: CAMPAIGN_CONFIG_FORMAT,
    version: CAMPAIGN_CONFIG_VERSION,
    ...(template ? { template } : {}),
    campaign: {
      year: year as number,
      name: name as string,
      timeZone: timeZone as string,
      phases: phases as ConfigPhase[],
      guidingPrinciple: guidingPrinciple as string,
      objectives: objectives ?? [],
      requirements: requirements ?? [],
    },
    evaluatorGroups: (groups ?? []).map(({ code, label, quota, description }): ConfigEvaluatorGroup => ({ code, label, quota, ...(description ? { description } : {}) })),
    policy: root.policy,
    units: tree?.units ?? [],
    leadingGroup: (leadingGroup ?? null) as LeadingGroup | null,
    appraisalOffice: office ?? [],
    themes: (themes ?? []) as Theme[],
    workItems: workItems ?? [],
    indicators: (indicators ?? []) as IndicatorDeclaration[],
  };
  // Last, the campaign module's own check (lengths of texts, anything it adds).
  attempt('campaign', () =>
    checkCampaignFields(
      { ...config.campaign, evaluatorGroups: config.evaluatorGroups, policy: { value: root.policy } },
      registry,
      'campaign',
    ),
  );
  if (problems.length > 0) return { ok: false, problems: problems.map(renameCampaignPaths) };
  return { ok: true, checked: { config, policy: policy as ScoringPolicy } };
}

// Runs a scoring check and prefixes its path (`strategy.code` → `policy.strategy.code`).
function checkAtPath<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!isPingyiError(error)) throw error;
    throw repath(error, prefix);
  }
}

// Each item checked on its own, so every bad item is reported; undefined when any fails.
function listOf<T>(
  value: unknown,
  path: string,
  attempt: <R>(path: string, check: () => R) => R | undefined,
  item: (raw: unknown, at: string) => T,
): T[] | undefined {
  if (!Array.isArray(value)) {
    attempt(path, () => {
      throw new PingyiError('INVALID_CAMPAIGN_CONFIG', value === undefined ? 'is required (a list)' : 'must be a list', path);
    });
    return undefined;
  }
  if (value.length > MAX_LIST) {
    attempt(path, () => {
      throw new PingyiError('INVALID_CAMPAIGN_CONFIG', `at most ${MAX_LIST} items, got ${value.length}`, path);
    });
    return undefined;
  }
  let ok = true;
  const items = value.map((raw, i) => {
    const checked = attempt(`${path}[${i}]`, () => item(raw, `${path}[${i}]`));
    if (checked === undefined) ok = false;
    return checked as T;
  });
  return ok ? items : undefined;
}

// Codes of a raw list, so later checks still run when the list itself has a problem.
function rawCodes(value: unknown): { code: string }[] {
  return Array.isArray(value) ? value.flatMap((item) => (typeof asObject(item)?.code === 'string' ? [{ code: asObject(item)?.code as string }] : [])) : [];
}

// checkCampaignFields names the campaign's groups and policy as GraphQL fields; the file has them at the root.
function renameCampaignPaths(problem: ProblemData): ProblemData {
  const path = problem.path.replace(/^campaign\.policyJson/, 'policy').replace(/^campaign\.evaluatorGroups/, 'evaluatorGroups');
  return path === problem.path ? problem : { ...problem, path };
}
