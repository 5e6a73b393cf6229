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
  type MessageKey,
  type PlanWorkItem,
  type ReasonParams,
  refusal,
  type Theme,
  type Unit,
} from '@pingyi/domain';
import { parsePolicy, type ScoringPolicy, type StrategyRegistry } from '@pingyi/scoring';
import { checkCampaignFields, checkPolicyCoversGroups } from '../campaign/campaign-input';
import { repath } from '../common/rethrow-at';
import { checkCode, checkInt, checkIsoDate, checkOptionalText, checkText } from '../common/validation';
import { type IndicatorDeclaration, parseIndicatorDeclarations } from '../indicator/indicator-declaration';
import { indicatorsOf } from '../indicator/indicator-strategy';
import {
  CAMPAIGN_CONFIG_FORMAT,
  CAMPAIGN_CONFIG_VERSION,
  type CampaignConfig,
  type ConfigEvaluatorGroup,
  type ConfigOfficeMember,
  type ConfigPhase,
} from './campaign-config';
import { keyedProblem, problemOf, type ProblemData } from '../common/problem-result';

/** A checked configuration: clean values ready to apply, with the parsed policy. */
export interface CheckedCampaignConfig {
  readonly config: CampaignConfig;
  readonly policy: ScoringPolicy;
}

/** The outcome of {@link checkCampaignConfig}: the checked configuration, or every problem. */
export type CampaignConfigCheck =
  | { readonly ok: true; readonly checked: CheckedCampaignConfig }
  | { readonly ok: false; readonly problems: readonly ProblemData[] };

const MAX_LIST = 500;

type Raw = Record<string, unknown>;
const asObject = (value: unknown): Raw | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;

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
      problems.push(problemOf(repath(error, ''), path));
      return undefined;
    }
  };
  const fail = (path: string, key: MessageKey, params: ReasonParams = {}): never => {
    throw refusal('INVALID_CAMPAIGN_CONFIG', key, params, path);
  };

  const root = asObject(raw);
  if (!root)
    return {
      ok: false,
      problems: [{ ...keyedProblem('(file)', 'configRoot', {}), code: 'INVALID_CAMPAIGN_CONFIG' }],
    };
  attempt(
    'format',
    () =>
      root.format === CAMPAIGN_CONFIG_FORMAT ||
      fail('format', 'configFormat', {
        format: CAMPAIGN_CONFIG_FORMAT,
        value: JSON.stringify(root.format) ?? 'undefined',
      }),
  );
  attempt(
    'version',
    () =>
      root.version === CAMPAIGN_CONFIG_VERSION ||
      fail('version', 'configVersion', {
        version: CAMPAIGN_CONFIG_VERSION,
        value: JSON.stringify(root.version) ?? 'undefined',
      }),
  );
  const template = attempt('template', () => checkOptionalText(root.template, 'template', { max: 100 }) ?? undefined);

  // The campaign: every field on its own.
  const campaign = asObject(root.campaign) ?? {};
  if (!asObject(root.campaign)) attempt('campaign', () => fail('campaign', 'configCampaignRequired'));
  const name = attempt('campaign.name', () => checkText(campaign.name, 'campaign.name', { max: 200 }));
  const year = attempt('campaign.year', () => checkInt(campaign.year, 'campaign.year', 2000, 2999));
  const timeZone = attempt('campaign.timeZone', () =>
    parseTimeZone(campaign.timeZone ?? DEFAULT_TIME_ZONE, 'campaign.timeZone'),
  );
  const phases = listOf(campaign.phases, 'campaign.phases', attempt, (item, at): ConfigPhase => {
    const phase = asObject(item) ?? fail(at, 'configShape', { fields: 'code, label, start, end' });
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
      attempt('campaign.year', () =>
        fail('campaign.year', 'configYearOfFirstPhase', { year: start.slice(0, 4), value: year }),
      );
    }
  } else if (phases) attempt('campaign.phases', () => fail('campaign.phases', 'configNoPhase'));
  const guidingPrinciple = attempt('campaign.guidingPrinciple', () =>
    checkText(campaign.guidingPrinciple, 'campaign.guidingPrinciple', { max: 20_000 }),
  );
  const objectives = attempt('campaign.objectives', () => parseObjectives(campaign.objectives, 'campaign.objectives'));
  const requirements = attempt('campaign.requirements', () =>
    parseRequirements(campaign.requirements, 'campaign.requirements'),
  );

  const groups = attempt('evaluatorGroups', () => parseEvaluatorGroups(root.evaluatorGroups, 'evaluatorGroups'));
  const policy = attempt('policy', () => {
    if (root.policy === undefined) fail('policy', 'configPolicyRequired', { version: 1 });
    return checkAtPath('policy', () => parsePolicy(root.policy, registry));
  });
  if (policy && groups) attempt('policy.groups', () => checkPolicyCoversGroups(policy, groups, 'policy'));

  // The organization: series, then units (each with an optional series code of the list).
  const series = listOf(root.series ?? [], 'series', attempt, (item, at): { code: string; label: string } => {
    const entry = asObject(item) ?? fail(at, 'configShape', { fields: 'code, label' });
    return { code: checkCode(entry.code, `${at}.code`), label: checkText(entry.label, `${at}.label`, { max: 50 }) };
  });
  const seriesCodes = new Set((series ?? []).map((entry) => entry.code));
  if (series && seriesCodes.size < series.length) attempt('series', () => fail('series', 'configSeriesTwice'));
  const unitSeries = new Map<string, string>();
  const unitShapes = listOf(root.units, 'units', attempt, (item, at): Unit => {
    const unit = asObject(item) ?? fail(at, 'configShape', { fields: 'code, name, parentCode, appraised' });
    const parent =
      unit.parentCode === null || unit.parentCode === undefined || unit.parentCode === ''
        ? null
        : checkCode(unit.parentCode, `${at}.parentCode`);
    if (typeof unit.appraised !== 'boolean')
      fail(`${at}.appraised`, 'mustBeBoolean', { value: JSON.stringify(unit.appraised) ?? 'undefined' });
    const code = checkCode(unit.code, `${at}.code`);
    if (unit.seriesCode !== undefined && unit.seriesCode !== null && unit.seriesCode !== '') {
      const seriesCode = checkCode(unit.seriesCode, `${at}.seriesCode`);
      if (!seriesCodes.has(seriesCode))
        fail(`${at}.seriesCode`, 'configUnknownSeries', {
          code: seriesCode,
          listed: [...seriesCodes].join(', ') || 'none',
        });
      unitSeries.set(code, seriesCode);
    }
    return {
      code,
      name: checkText(unit.name, `${at}.name`, { max: 100 }),
      parentCode: parent,
      appraised: unit.appraised as boolean,
    };
  });
  const tree = unitShapes ? attempt('units', () => buildUnitTree(unitShapes, 'units')) : undefined;
  if (tree && !tree.units.some((unit) => unit.appraised))
    attempt('units', () => fail('units', 'configNoUnitAppraised'));
  const leadingGroup =
    root.leadingGroup === null || root.leadingGroup === undefined
      ? null
      : attempt('leadingGroup', () => parseLeadingGroup(root.leadingGroup, 'leadingGroup'));
  const office = listOf(root.appraisalOffice ?? [], 'appraisalOffice', attempt, (item, at): ConfigOfficeMember => {
    const member = asObject(item) ?? fail(at, 'configShape', { fields: 'name, position?, duty?' });
    const position = checkOptionalText(member.position, `${at}.position`, { max: 200 });
    const duty = checkOptionalText(member.duty, `${at}.duty`, { max: 500 });
    return {
      name: checkText(member.name, `${at}.name`, { max: 100 }),
      ...(position ? { position } : {}),
      ...(duty ? { duty } : {}),
    };
  });

  // The work plan: themes, then each work item against the themes and units found.
  const themes = attempt('themes', () => parseThemes(root.themes ?? [], 'themes'));
  const themeCodes = new Set((themes ?? rawCodes(root.themes)).map((theme) => theme.code));
  const unitCodes = new Set((tree?.units ?? rawCodes(root.units)).map((unit) => unit.code));
  const numbered = new Map<string, string>();
  const workItems = listOf(root.workItems ?? [], 'workItems', attempt, (item, at): PlanWorkItem => {
    const raw = asObject(item) ?? fail(at, 'configShape', { fields: 'themeCode, number, text, leadUnitCodes' });
    const parsed = parseWorkItem({ ...raw, progress: 0, updates: [] }, at, { themeCodes, unitCodes });
    checkText(parsed.text, `${at}.text`, { min: 0, max: 10_000 });
    const key = `${parsed.themeCode} (${parsed.number})`;
    const first = numbered.get(key);
    if (first) fail(`${at}.number`, 'configWorkItemTwice', { key, first });
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
      attempt('indicators', () =>
        fail('indicators', 'configIndicatorsMissing', {
          strategy: policy.strategy.code,
          missing: missing.map((c) => `"${c}"`).join(', '),
        }),
      );
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
    evaluatorGroups: (groups ?? []).map(({ code, label, quota, description }): ConfigEvaluatorGroup => ({
      code,
      label,
      quota,
      ...(description ? { description } : {}),
    })),
    policy: root.policy,
    units: (tree?.units ?? []).map((unit) =>
      unitSeries.has(unit.code) ? { ...unit, seriesCode: unitSeries.get(unit.code) as string } : unit,
    ),
    ...(series && series.length > 0 ? { series } : {}),
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
      throw refusal('INVALID_CAMPAIGN_CONFIG', value === undefined ? 'requiredList' : 'mustBeList', {}, path);
    });
    return undefined;
  }
  if (value.length > MAX_LIST) {
    attempt(path, () => {
      throw refusal('INVALID_CAMPAIGN_CONFIG', 'listLength', { min: 0, max: MAX_LIST, count: value.length }, path);
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
  return Array.isArray(value)
    ? value.flatMap((item) =>
        typeof asObject(item)?.code === 'string' ? [{ code: asObject(item)?.code as string }] : [],
      )
    : [];
}

// checkCampaignFields names the campaign's groups and policy as GraphQL fields; the file has them at the root.
function renameCampaignPaths(problem: ProblemData): ProblemData {
  const path = problem.path
    .replace(/^campaign\.policyJson/, 'policy')
    .replace(/^campaign\.evaluatorGroups/, 'evaluatorGroups');
  return path === problem.path ? problem : { ...problem, path };
}
