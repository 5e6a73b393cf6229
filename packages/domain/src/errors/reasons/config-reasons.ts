import { type ReasonText } from './reason-text.js';

/** Why a campaign configuration file (campaign-as-code, JSON or YAML) is refused. */
export const CONFIG_REASONS = {
  required: { en: 'is required', zh: '必须填写' },
  requiredList: { en: 'is required (a list)', zh: '必须填写（一个列表）' },
  configRoot: {
    en: 'must be an object with format, version, campaign, evaluatorGroups, policy, units...',
    zh: '配置文件应为一组字段：格式、版本、评议工作、评议对象类别、评分规则、单位等',
  },
  configFormat: { en: 'must be "%{format}", got %{value}', zh: '文件格式标识有误，收到的是 %{value}' },
  configVersion: { en: 'must be %{version}, got %{value}', zh: '版本应为 %{version}，收到的是 %{value}' },
  configCampaignRequired: {
    en: 'is required: { year, name, timeZone, phases, guidingPrinciple, objectives, requirements }',
    zh: '必须填写评议工作：年度、名称、时区、阶段、指导思想、目标和要求',
  },
  configShape: { en: 'must be { %{fields} }', zh: '格式有误：应为一组字段' },
  configYearOfFirstPhase: {
    en: 'must be the year the first phase starts (%{year}), got %{value}',
    zh: '应为第一个阶段开始的年度（%{year}），收到的是 %{value}',
  },
  configNoPhase: { en: 'a campaign needs at least one phase', zh: '评议工作至少要有一个阶段' },
  configPolicyRequired: {
    en: 'is required: the scoring policy (version %{version})',
    zh: '必须填写评分规则（第 %{version} 版）',
  },
  configSeriesTwice: { en: 'lists a series code twice', zh: '同一个序列列出了两次' },
  configUnknownSeries: {
    en: 'series "%{code}" is not listed in series (%{listed})',
    zh: '序列“%{code}”不在所列的序列中',
  },
  configNoUnitAppraised: {
    en: 'no unit is appraised: the ballot would be empty',
    zh: '没有参评单位：评议表将是空的',
  },
  configWorkItemTwice: { en: 'work item %{key} is already %{first}', zh: '重点工作 %{key} 与 %{first} 重复' },
  configIndicatorsMissing: {
    en: 'the strategy %{strategy} reads %{missing}; declare them here',
    zh: '评分规则需要指标 %{missing}，请在此声明',
  },
} as const satisfies Record<string, ReasonText>;
