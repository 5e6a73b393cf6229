import { ACTION_PHASES, type CampaignAction, CAMPAIGN_ACTIONS } from '@pingyi/domain';

/** 阶段限定的操作：名称取自领域的操作表，说明其开放时间的句子，以及评议开始后修改的确认（展开到 `zh.pingyi`）。 */
export const zhPhaseGate = {
  actions: Object.fromEntries(CAMPAIGN_ACTIONS.map((action) => [action, ACTION_PHASES[action].label])) as Record<
    CampaignAction,
    string
  >,
  phase_gate: {
    run: '%{phases} %{start} 至 %{end}',
    or: '或',
    closed: '%{windows} 可%{action}',
    never: '本评议工作没有可%{action}的阶段',
    today_in: '今天（%{date}，%{phase}）',
    today_outside: '今天（%{date}，不在任何阶段内）',
    open_today: '可%{actions}',
    none_today: '本页的操作都不开放',
    opens: '；%{action}于 %{windows} 开放',
    never_after: '；本评议工作没有可%{action}的阶段',
  },
  change_reason: {
    before: '修改前',
    after: '修改后',
    window_title: '评议已结束，确定调整评议时间？',
    window_warning: '评议已经结束，调整评议时间可能重新开放评议或改变计入的评议表。已公布的结果保持公布时的样子。',
    cancelled: '未作修改',
    reason: '修改原因',
    reason_help: '必填；与修改内容一并记入操作日志',
    confirm: '确认修改',
    policy_title: '评议已开始，确定修改评分规则？',
    policy_warning: '已有评议表提交：当前排名将按下表变化。已公布的结果保持公布时的样子。',
  },
  audit_change: {
    line: '%{field}由 %{before} 改为 %{after}',
    title: '修改内容',
    reason: '修改原因：%{reason}',
    start: '%{phase}开始日期',
    end: '%{phase}结束日期',
    strategy_arg: '评分参数 %{name}',
    none: '（无）',
  },
};
