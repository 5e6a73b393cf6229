import { type ReasonText } from './reason-text.js';

/** Why units, evaluator groups, the leading group or work items are refused. */
export const ORGANIZATION_REASONS = {
  unitCodeTwice: { en: 'unit code "%{code}" is already used by %{list}[%{index}]', zh: '单位代码“%{code}”重复' },
  unknownParent: {
    en: 'unit "%{code}" names parent "%{parent}", which is not in the list',
    zh: '单位“%{code}”的上级单位“%{parent}”不在单位列表中',
  },
  ownAncestor: { en: 'unit "%{code}" is its own ancestor: %{chain}', zh: '单位的上下级关系形成了循环：%{chain}' },
  noEvaluatorGroups: { en: 'a campaign needs at least one evaluator group', zh: '评议工作至少需要一个评议对象类别' },
  groupCodeTwice: {
    en: 'evaluator group code "%{code}" is already used by %{list}[%{index}]',
    zh: '评议对象类别代码“%{code}”重复',
  },
  weightNotNegative: { en: 'must be a number ≥ 0, got %{value}', zh: '权重应为不小于 0 的数字，收到的是 %{value}' },
  weightsAllZero: {
    en: 'the weights given are all 0: at least one group needs a weight above 0',
    zh: '各类别的权重都是 0：至少要有一个类别的权重大于 0',
  },
  seatRole: { en: 'must be one of %{allowed}, got %{value}', zh: '领导小组中的职务不在可选范围内' },
  oneLeader: {
    en: 'a leading group has exactly one leader (组长), found %{found}',
    zh: '领导小组应有且只有一名组长，现有 %{found} 名',
  },
  sourceGap: { en: 'must be one of %{allowed}, got %{value}', zh: '问题来源不在可选范围内' },
  progressAfterToday: {
    en: 'dated %{date}, after today %{today} (%{timeZone})',
    zh: '填报日期 %{date} 晚于今天（%{today}）',
  },
  seriesCodeTwice: { en: 'series code "%{code}" is already used by series[%{index}]', zh: '序列代码“%{code}”重复' },
  unknownSeries: {
    en: 'series "%{code}" is not a series of the campaign (%{known})',
    zh: '序列“%{code}”不是本次评议设置的序列（现有：%{known}）',
  },
  seriesInUse: {
    en: 'series "%{code}" still has %{count} unit(s); move them to another series first',
    zh: '序列“%{label}”下还有 %{count} 个单位，请先把它们移到其他序列',
  },
  notLeadUnit: {
    en: '"%{unit}" is not a lead unit of work item %{item} (%{leads})',
    zh: '该单位不是这项重点工作的牵头单位',
  },
} as const satisfies Record<string, ReasonText>;
