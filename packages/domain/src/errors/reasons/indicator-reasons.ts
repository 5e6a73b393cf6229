import { type ReasonText } from './reason-text.js';

/** Why an indicator value or a line of an indicator CSV import is refused (单位指标). */
export const INDICATOR_REASONS = {
  indicatorHeader: {
    en: 'the header must start with "unit", then "indicator,value" or indicator codes; got "%{header}"',
    zh: '表头格式有误：第一列应为单位，其后为指标和数值两列，或各指标代码；现为“%{header}”',
  },
  indicatorColumnEmpty: { en: 'a column has no indicator code', zh: '有一列没有填写指标代码' },
  indicatorFields: {
    en: 'has %{found} fields, the header has %{expected}',
    zh: '这一行有 %{found} 项，表头有 %{expected} 项',
  },
  indicatorUnitEmpty: { en: 'the unit is empty', zh: '没有填写单位' },
  indicatorCodeEmpty: { en: 'the indicator is empty', zh: '没有填写指标' },
  notANumber: { en: '"%{value}" is not a number', zh: '“%{value}”不是数字' },
  indicatorValueTwice: {
    en: 'unit "%{unit}" already has a value of "%{indicator}" on line %{line}',
    zh: '单位“%{unit}”的“%{indicator}”已在第 %{line} 行填写',
  },
  indicatorGivenTwice: {
    en: 'unit "%{unit}" and indicator "%{indicator}" are given twice',
    zh: '单位“%{unit}”的指标“%{indicator}”填写了两次',
  },
  unitNotInCampaign: {
    en: '"%{code}" is not a unit of the campaign %{campaign}',
    zh: '“%{code}”不是“%{campaign}”的评议单位',
  },
  indicatorNotDeclared: {
    en: '"%{code}" is not an indicator of the campaign (declared: %{known})',
    zh: '“%{code}”不是本次评议已声明的指标（已声明：%{known}）',
  },
  indicatorNeedsNumber: {
    en: 'indicator "%{code}" (%{label}) needs a number, got %{value}',
    zh: '指标“%{label}”应填写数字，收到的是 %{value}',
  },
  indicatorWholeNumber: {
    en: 'indicator "%{code}" (%{label}) takes whole numbers, got %{value}',
    zh: '指标“%{label}”只能填写整数，收到的是 %{value}',
  },
  indicatorAtLeast: {
    en: 'indicator "%{code}" (%{label}) is at least %{min}, got %{value}',
    zh: '指标“%{label}”不能小于 %{min}，收到的是 %{value}',
  },
  indicatorAtMost: {
    en: 'indicator "%{code}" (%{label}) is at most %{max}, got %{value}',
    zh: '指标“%{label}”不能大于 %{max}，收到的是 %{value}',
  },
} as const satisfies Record<string, ReasonText>;
