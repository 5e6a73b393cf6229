import { PingyiError } from '@pingyi/domain';
import { type LevelCounts, majorityStrategy, type StrategyResult, type UnitCounts } from '@pingyi/scoring';
import { defineIndicatorStrategy, type IndicatorStrategy } from '@pingyi/server-core';
import { type PeoplesCongressOptions } from './plugin-options';

/** The indicator giving a unit's own electorate (deputies on the roster who appraise it). */
export const DEPUTIES_INDICATOR = 'deputies';

/** The strategy's code in policies. */
export const MAJORITY_RULE_CODE = 'peoples-congress/majority';

/**
 * A people's congress standing committee's majority rule (人大常委会满意度测评):
 * the electorate is the deputies on the roster, not the ballots returned, so
 * an abstention counts against the unit. A unit is 满意 when more than half of
 * the electorate rated it satisfied, else 基本满意 when more than half rated it
 * at least acceptable, else 不满意 (exactly half fails). Score: the satisfied
 * share of the electorate. Only the deputies' evaluator group counts when
 * `group` is given.
 *
 * The electorate is, in order: the unit's `deputies` indicator, the policy's
 * `electorate` argument, the plugin's `rosterSize` option.
 */
export function majorityRuleStrategy(settings: () => PeoplesCongressOptions): IndicatorStrategy {
  return defineIndicatorStrategy({
    code: MAJORITY_RULE_CODE,
    label: { zh: '人大代表过半数评定', en: "People's congress majority" },
    description: {
      zh: '应评人数为名册代表数（弃权视为未满意）；满意票过半为“满意”，否则满意及基本满意票过半为“基本满意”，否则“不满意”；得分 = 100 × 满意票 ÷ 应评人数',
      en: 'The electorate is the roster of deputies (an abstention counts against); a satisfied majority is 满意, else an acceptable majority 基本满意, else 不满意; score = 100 × satisfied ÷ electorate',
    },
    indicators: [DEPUTIES_INDICATOR],
    args: {
      group: {
        type: 'string',
        label: { zh: '只计该评议对象类别', en: 'Count only this evaluator group' },
        description: {
          zh: '例如 peoplesCongressDeputies（人大代表）；留空则计全部选票',
          en: 'e.g. peoplesCongressDeputies; empty counts every ballot',
        },
        required: false,
      },
      electorate: {
        type: 'integer',
        label: { zh: '名册代表人数', en: 'Deputies on the roster' },
        description: {
          zh: '单位未录入“名册代表人数”指标时使用；都未给出时用插件配置的 rosterSize',
          en: "Used for a unit without the deputies indicator; else the plugin's rosterSize option",
        },
        min: 1,
        required: false,
      },
      satisfiedLevels: {
        type: 'levels',
        label: { zh: '计为满意的档次', en: 'Satisfied levels' },
        min: 1,
        default: ['satisfied'],
      },
      acceptableLevels: {
        type: 'levels',
        label: { zh: '计为基本满意及以上的档次', en: 'Acceptable levels' },
        min: 1,
        default: ['satisfied', 'fairlySatisfied', 'basicallySatisfied'],
      },
      tiers: {
        type: 'strings',
        label: { zh: '三个等次代码', en: 'Three tier codes' },
        description: {
          zh: '依次为：满意、基本满意、不满意',
          en: 'In order: satisfied, basically satisfied, dissatisfied',
        },
        min: 3,
        max: 3,
        default: ['satisfied', 'basicallySatisfied', 'dissatisfied'],
      },
    },
    range: { min: 0, max: 100 },
    decidesTiers: true,
    checkPolicy(policy, args) {
      if (args.group && policy.groups && !policy.groups.some((group) => group.code === args.group)) {
        throw new PingyiError(
          'INVALID_POLICY',
          `"${args.group}" is not an evaluator group of the policy (${policy.groups.map((group) => group.code).join(', ')})`,
          'strategy.args.group',
        );
      }
    },
    score(unit, args, policy, indicators) {
      const own = indicators.find(DEPUTIES_INDICATOR);
      const electorate = own ?? args.electorate ?? settings().rosterSize;
      if (electorate === undefined) {
        throw new Error(
          `no electorate for unit "${unit.unit}": enter its "${DEPUTIES_INDICATOR}" indicator, set the policy's electorate, or the plugin's rosterSize option`,
        );
      }
      const source =
        own !== undefined
          ? `indicator ${DEPUTIES_INDICATOR}`
          : args.electorate !== undefined
            ? 'policy argument electorate'
            : 'plugin option rosterSize';
      // The built-in majority rule does the arithmetic (it reads only ballots and level counts);
      // this plugin decides whose votes count and what the electorate is.
      const counts = (args.group ? groupCounts(unit, args.group) : unit) as UnitCounts;
      const decided = majorityStrategy.score(
        counts,
        {
          electorate,
          satisfiedLevels: args.satisfiedLevels,
          acceptableLevels: args.acceptableLevels,
          tiers: args.tiers,
        },
        policy,
      ) as StrategyResult;
      return {
        ...decided,
        steps: [
          {
            label: { zh: '应评人数（名册代表）', en: 'electorate (deputies on the roster)' },
            expression: `${electorate} (${source})`,
          },
          ...(args.group
            ? [{ label: { zh: '只计评议对象类别', en: 'evaluator group counted' }, expression: args.group }]
            : []),
          ...(decided.steps ?? []),
        ],
      };
    },
  });
}

// The counts of one evaluator group of the unit.
function groupCounts(unit: UnitCounts, group: string): LevelCounts {
  if (!unit.groups.includes(group))
    throw new Error(`the tally has no evaluator group "${group}" (groups: ${unit.groups.join(', ') || 'none'})`);
  return unit.group(group);
}
