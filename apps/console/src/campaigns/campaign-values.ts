// Pure conversions between the server's Campaign, the campaign form and the
// campaign inputs. The form edits the rating scale and group weights, which
// live in the scoring policy; everything else of the policy is kept as is.

import { SEED_PLAN, SEED_RATING_SCALE } from '@pingyi/domain';
/** One level of the rating scale (CONTRACTS.md §1); `points: null` is a no-opinion level. */
export interface ScaleLevel {
  code: string;
  label: string;
  /** The label in English (the English ballot page shows it). */
  labelEn?: string | null;
  points: number | null;
}

/** The scoring policy as the server stores it (CONTRACTS.md §1); extra fields are kept. */
export interface PolicyJson {
  version: 1;
  scale: ScaleLevel[];
  unknownInDenominator?: boolean;
  groups?: { code: string; label: string; weight: number }[];
  strategy: { code: string; args: Record<string, unknown> };
  minCounted?: number;
  decimals?: number;
  tiers?: { code: string; label: string; min: number | null }[];
  rankWithin?: 'all' | 'series';
  rankTiers?: { code: string; label: string; top?: number; bottom?: number }[];
  minResponseRate?: number;
  [extra: string]: unknown;
}

export interface Phase {
  code: string;
  label: string;
  start: string;
  end: string;
}

export interface NumberedText {
  number: number;
  title: string;
  text: string;
}

export interface EvaluatorGroupValue {
  code: string;
  label: string;
  quota: number;
  description?: string | null;
  /** From the policy's groups; empty for every group = the policy lists no groups. */
  weight?: number | null;
}

/** A campaign as the console reads it (server fields plus the parsed policy). */
export interface CampaignRecord {
  id: string;
  year: number;
  name: string;
  timeZone: string;
  startDate?: string;
  endDate?: string;
  phases: Phase[];
  guidingPrinciple: string;
  objectives: NumberedText[];
  requirements: NumberedText[];
  evaluatorGroups: EvaluatorGroupValue[];
  /** Series (序列/类别) units are ranked in; absent on records read before series. */
  series?: { code: string; label: string }[];
  previousCampaignId: string | null;
  policyJson: string;
  /** Parsed `policyJson`. */
  policy: PolicyJson;
  /** The policy's scale, edited on the campaign form. */
  scale: ScaleLevel[];
  unknownInDenominator: boolean;
  currentPhase?: Phase | null;
  openActions?: string[];
  strategyCode?: string;
  isDemo?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The four phases of the seed plan (DOMAIN.md), with their usual dates (MM-DD), from the domain's plan. */
export const STANDARD_PHASES: readonly { code: string; label: string; start: string; end: string }[] =
  SEED_PLAN.phases.map((phase) => ({
    code: phase.code,
    label: phase.label,
    start: `${pad(phase.start.month)}-${pad(phase.start.day)}`,
    end: `${pad(phase.end.month)}-${pad(phase.end.day)}`,
  }));

/** The six-level scale of CONTRACTS.md §1 (the domain's seed scale). */
export const STANDARD_SCALE: readonly ScaleLevel[] = SEED_RATING_SCALE;

/** The policy a new campaign starts from when there is no earlier one (CONTRACTS.md §1's example). */
export function defaultPolicy(): PolicyJson {
  return {
    version: 1,
    scale: STANDARD_SCALE.map((level) => ({ ...level })),
    unknownInDenominator: false,
    strategy: { code: 'weighted-mean', args: {} },
    minCounted: 0,
    decimals: 2,
    tiers: [
      { code: 'satisfied', label: '满意', min: 85 },
      { code: 'basicallySatisfied', label: '基本满意', min: 60 },
      { code: 'dissatisfied', label: '不满意', min: null },
    ],
  };
}

type Raw = Record<string, unknown>;

const strip = <T extends object>(items: unknown, keys: readonly (keyof T)[]): T[] =>
  Array.isArray(items)
    ? items.map((item: Raw) => Object.fromEntries(keys.map((key) => [key, item?.[key as string] ?? null])) as T)
    : [];

/** Parses `policyJson`; a server always sends valid JSON, so a failure is a bug worth a clear message. */
export function parsePolicyJson(json: unknown): PolicyJson {
  if (typeof json !== 'string') return defaultPolicy();
  try {
    return JSON.parse(json) as PolicyJson;
  } catch (error) {
    throw new Error(`The server sent a campaign whose policyJson is not JSON: ${(error as Error).message}`);
  }
}

/** Server campaign → console record: the policy parsed, its scale and flags lifted onto the record. */
export function campaignRecord(raw: Raw): CampaignRecord {
  const policy = parsePolicyJson(raw.policyJson);
  const weights = new Map((policy.groups ?? []).map((group) => [group.code, group.weight]));
  const groups = strip<EvaluatorGroupValue>(raw.evaluatorGroups, ['code', 'label', 'quota', 'description']).map(
    (group) => ({
      ...group,
      weight: weights.get(group.code) ?? null,
    }),
  );
  return {
    ...(raw as unknown as CampaignRecord),
    id: String(raw.id),
    previousCampaignId: raw.previousCampaignId ? String(raw.previousCampaignId) : null,
    evaluatorGroups: groups,
    policy,
    scale: policy.scale.map((level) => ({
      code: level.code,
      label: level.label,
      labelEn: level.labelEn ?? null,
      points: level.points ?? null,
    })),
    unknownInDenominator: policy.unknownInDenominator ?? false,
  };
}

const toNumberOrNull = (value: unknown): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);

/**
 * The policy with the form's scale, denominator rule and group weights: a
 * weight on any group lists every group (missing weights count 1); no weight
 * at all leaves groups out.
 */
export function policyFromForm(
  base: PolicyJson,
  values: Pick<CampaignRecord, 'scale' | 'unknownInDenominator' | 'evaluatorGroups'>,
): PolicyJson {
  const policy: PolicyJson = {
    ...base,
    scale: values.scale.map((level) => ({
      code: level.code,
      label: level.label,
      ...(level.labelEn ? { labelEn: level.labelEn } : {}),
      points: toNumberOrNull(level.points),
    })),
  };
  policy.unknownInDenominator = !!values.unknownInDenominator;
  const weighted = values.evaluatorGroups.some((group) => toNumberOrNull(group.weight) !== null);
  if (weighted) {
    policy.groups = values.evaluatorGroups.map((group) => ({
      code: group.code,
      label: group.label,
      weight: toNumberOrNull(group.weight) ?? 1,
    }));
  } else {
    delete policy.groups;
  }
  return policy;
}

/** Form values → `CreateCampaignInput` / `UpdateCampaignInput` (whole lists; the server replaces them). */
export function campaignInput(values: Raw, previous?: Partial<CampaignRecord>): Raw {
  const record = values as unknown as CampaignRecord;
  const base = previous?.policy ?? record.policy ?? defaultPolicy();
  const groups = strip<EvaluatorGroupValue>(record.evaluatorGroups, [
    'code',
    'label',
    'quota',
    'description',
    'weight',
  ]);
  return {
    year: Number(record.year),
    name: record.name,
    timeZone: record.timeZone || null,
    phases: strip<Phase>(record.phases, ['code', 'label', 'start', 'end']).map((phase) => ({
      ...phase,
      start: isoDate(phase.start),
      end: isoDate(phase.end),
    })),
    guidingPrinciple: record.guidingPrinciple,
    objectives: numbered(record.objectives),
    requirements: numbered(record.requirements),
    evaluatorGroups: groups.map(({ code, label, quota, description }) => ({
      code,
      label,
      quota: Number(quota),
      description: description || null,
    })),
    policyJson: JSON.stringify(
      policyFromForm(base, {
        scale: record.scale ?? base.scale,
        unknownInDenominator: record.unknownInDenominator,
        evaluatorGroups: groups,
      }),
    ),
    previousCampaignId: record.previousCampaignId || null,
    // the whole list, when the form has it: the server refuses removing a series that still holds units
    ...(Array.isArray(record.series)
      ? { series: strip<{ code: string; label: string }>(record.series, ['code', 'label']) }
      : {}),
  };
}

function numbered(items: unknown): NumberedText[] {
  return strip<NumberedText>(items, ['number', 'title', 'text']).map((item, index) => ({
    ...item,
    number: Number(item.number) || index + 1,
  }));
}

/** A date input's value as YYYY-MM-DD (inputs may hand over a Date). */
export function isoDate(value: unknown): string {
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return typeof value === 'string' ? value.slice(0, 10) : '';
}

/**
 * Server paths on the policy → the fields the campaign form shows them on:
 * `policyJson.scale.2.points` → `scale.2.points`; the rest stay where they are
 * (and show as a notification).
 */
export function campaignFormField(field: string): string | null {
  const scale = /^policyJson\.scale\.(.*)$/.exec(field);
  if (scale) return `scale.${scale[1]}`;
  return field;
}

/**
 * Defaults for a new campaign: the latest campaign's plan a year later when
 * there is one (texts, groups, policy), else the seed plan's phases and scale.
 */
export function newCampaignDefaults(year: number, latest?: CampaignRecord | null): Partial<CampaignRecord> {
  if (latest) {
    const shift = year - latest.year;
    return {
      year,
      name: latest.name.replace(String(latest.year), String(year)),
      timeZone: latest.timeZone,
      phases: latest.phases.map((phase) => ({
        code: phase.code,
        label: phase.label,
        start: shiftYear(phase.start, shift),
        end: shiftYear(phase.end, shift),
      })),
      guidingPrinciple: latest.guidingPrinciple,
      objectives: latest.objectives.map(({ number, title, text }) => ({ number, title, text })),
      requirements: latest.requirements.map(({ number, title, text }) => ({ number, title, text })),
      evaluatorGroups: latest.evaluatorGroups.map((group) => ({ ...group })),
      series: (latest.series ?? []).map(({ code, label }) => ({ code, label })),
      policy: latest.policy,
      scale: latest.scale.map((level) => ({ ...level })),
      unknownInDenominator: latest.unknownInDenominator,
      previousCampaignId: latest.id,
    };
  }
  const policy = defaultPolicy();
  return {
    year,
    name: `${year}年度民主评议机关工作`,
    timeZone: 'Asia/Shanghai',
    phases: STANDARD_PHASES.map((phase) => ({
      code: phase.code,
      label: phase.label,
      start: `${year}-${phase.start}`,
      end: `${year}-${phase.end}`,
    })),
    guidingPrinciple: '',
    objectives: [],
    requirements: [],
    evaluatorGroups: [],
    policy,
    scale: policy.scale,
    unknownInDenominator: false,
    previousCampaignId: null,
  };
}

function shiftYear(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  // 29 February in a year without it becomes 28 February
  if (rest === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return `${year}-02-28`;
  return `${year}${rest}`;
}
