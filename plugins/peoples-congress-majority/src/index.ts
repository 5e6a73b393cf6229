import { definePlugin } from '@pingyi/server-core';
import { DEPUTIES_INDICATOR, majorityRuleStrategy } from './majority-rule.strategy';
import { parsePeoplesCongressOptions, type PeoplesCongressOptions } from './plugin-options';

// Options come from the deployment's pingyi.config file through init(), once per process.
let settings: PeoplesCongressOptions = {};

/**
 * `@pingyi/plugin-peoples-congress-majority`: a people's congress standing
 * committee's majority rule, with the electorate taken from the roster of
 * deputies (the unit's `deputies` indicator, the policy's `electorate`, or
 * the `rosterSize` option), a three-level scale preset and a preset for the
 * deputies' evaluator group.
 *
 * ```json
 * { "plugins": [["@pingyi/plugin-peoples-congress-majority", { "rosterSize": 420 }]] }
 * ```
 */
const plugin = definePlugin<PeoplesCongressOptions>({
  name: '@pingyi/plugin-peoples-congress-majority',
  version: '0.1.0',
  compatibility: '^0.1.0',
  description: "People's congress majority rule (人大代表过半数评定), the electorate from the roster of deputies",
  strategies: [majorityRuleStrategy(() => settings)],
  indicators: [
    {
      code: DEPUTIES_INDICATOR,
      label: '名册代表人数',
      unit: '人',
      description: 'Deputies on the roster who appraise this unit (its electorate)',
      min: 1,
      integer: true,
    },
  ],
  scalePresets: [
    {
      code: 'peoples-congress/three-levels',
      label: '三档（满意 / 基本满意 / 不满意）',
      scale: [
        { code: 'satisfied', label: '满意', points: 100 },
        { code: 'basicallySatisfied', label: '基本满意', points: 60 },
        { code: 'dissatisfied', label: '不满意', points: 0 },
      ],
    },
  ],
  groupPresets: [
    {
      code: 'peoples-congress/deputies',
      label: '人大代表（常委会组成人员）',
      groups: [
        {
          code: 'peoplesCongressDeputies',
          label: '人大代表',
          quota: 420,
          description: '市人大常委会组成人员及市人大代表',
        },
      ],
    },
  ],
  init(options) {
    settings = parsePeoplesCongressOptions(options);
  },
});

export default plugin;
export { DEPUTIES_INDICATOR, MAJORITY_RULE_CODE, majorityRuleStrategy } from './majority-rule.strategy';
export { parsePeoplesCongressOptions, type PeoplesCongressOptions } from './plugin-options';
