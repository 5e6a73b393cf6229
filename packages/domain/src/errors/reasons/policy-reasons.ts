import { type ReasonText } from './reason-text.js';

/** Why a scoring strategy's argument in a policy is refused. */
export const POLICY_REASONS = {
  argsMustBeObject: { en: 'must be an object', zh: '评分方法的参数格式有误' },
  argMissing: { en: 'required %{type} argument is missing', zh: '缺少必填参数“%{arg}”' },
  argMustBeNumber: { en: 'must be a number, not %{value}', zh: '参数“%{arg}”应为数字，收到的是 %{value}' },
  argMustBeWholeNumber: { en: 'must be a whole number, not %{value}', zh: '参数“%{arg}”应为整数，收到的是 %{value}' },
  argMustBeBoolean: { en: 'must be true or false, not %{value}', zh: '参数“%{arg}”应为“是”或“否”' },
  argMustBeText: { en: 'must be a non-empty string, not %{value}', zh: '参数“%{arg}”不能为空' },
  argMustBeList: { en: 'must be a list, not %{value}', zh: '参数“%{arg}”应为列表' },
  argListedTwice: { en: '"%{value}" is listed twice', zh: '参数“%{arg}”中“%{value}”重复' },
  argMustBeWeights: { en: 'must be an object of weights per group, not %{value}', zh: '参数“%{arg}”应为各类别的权重' },
  argUnknownGroup: {
    en: '"%{value}" is not an evaluator group of the policy (%{known})',
    zh: '“%{value}”不是评分规则中的评议对象类别',
  },
  argWeightNegative: {
    en: 'must be a number ≥ 0, not %{value}',
    zh: '“%{group}”的权重应为不小于 0 的数字，收到的是 %{value}',
  },
  argAtLeast: {
    en: 'must %{verb} at least %{min}%{unit}, not %{value}',
    zh: '参数“%{arg}”不能小于 %{min}，现为 %{value}',
  },
  argBelow: { en: 'must %{verb} below %{max}%{unit}, not %{value}', zh: '参数“%{arg}”应小于 %{max}，现为 %{value}' },
  argAtMost: {
    en: 'must %{verb} at most %{max}%{unit}, not %{value}',
    zh: '参数“%{arg}”不能大于 %{max}，现为 %{value}',
  },
  argNotALevel: { en: '"%{value}" is not a level of the scale (%{allowed})', zh: '“%{value}”不是评价等次之一' },
  argNotAllowed: { en: '"%{value}" is not an allowed value (%{allowed})', zh: '“%{value}”不是参数“%{arg}”的可选值' },
} as const satisfies Record<string, ReasonText>;
