import { Alert, Tooltip } from '@mui/material';
import { type CampaignAction } from '@pingyi/domain';
import { cloneElement, type ReactElement } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import {
  actionWindowOf,
  closedHint,
  describeRuns,
  listOf,
  phaseName,
  todayOf,
  type GatedCampaign,
} from './action-windows';

export interface ActionGate {
  /** True while the campaign is still loading, and when the action is open today. */
  readonly open: boolean;
  /** Why it is closed, naming its window in the user's language; null when open. */
  readonly hint: string | null;
}

/**
 * Whether a phase-gated action (the domain's `ACTION_PHASES`) is open today in
 * `campaign` (default: the console's current campaign), and if not, when it is.
 */
export function useActionGate(action: CampaignAction, campaign?: GatedCampaign): ActionGate {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const current = useCurrentCampaign().campaign;
  const subject = campaign ?? current;
  if (!subject?.phases?.length) return { open: true, hint: null };
  const window = actionWindowOf(subject, action);
  return { open: window.open, hint: closedHint(window, todayOf(subject), translate, locale) };
}

/**
 * Wraps the button (or any element taking `disabled`) of a phase-gated action:
 * outside the action's window the button is disabled, with a tooltip naming
 * the window ("接受评议 10-16 至 11-15 可发放评议码"). One mechanism for every
 * gated form and button of the console.
 */
export function PhaseGate({
  action,
  campaign,
  children,
}: {
  action: CampaignAction;
  campaign?: GatedCampaign;
  children: ReactElement<{ disabled?: boolean; alwaysEnable?: boolean }>;
}) {
  const gate = useActionGate(action, campaign);
  if (gate.open) return children;
  // react-admin's SaveButton ignores `disabled` while `alwaysEnable` is set
  const closed = 'alwaysEnable' in children.props ? { disabled: true, alwaysEnable: false } : { disabled: true };
  return (
    <Tooltip title={gate.hint} describeChild>
      <span data-testid={`phase-gate-${action}`} style={{ display: 'inline-flex' }}>
        {cloneElement(children, closed)}
      </span>
    </Tooltip>
  );
}

/**
 * What the page's actions allow today: "今天（11-02，接受评议）可审阅意见表；立项整改：整改提高 11-16 至 12-31".
 * Pages with gated actions show it above their content.
 */
export function OpenToday({ actions, campaign }: { actions: readonly CampaignAction[]; campaign?: GatedCampaign }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const current = useCurrentCampaign().campaign;
  const subject = campaign ?? current;
  if (!subject?.phases?.length) return null;
  const today = todayOf(subject);
  const windows = actions.map((action) => actionWindowOf(subject, action));
  const open = windows.filter((w) => w.open).map((w) => translate(`pingyi.actions.${w.action}`));
  const closed = windows.filter((w) => !w.open);
  const phase = subject.phases.find((p) => p.start <= today && today <= p.end);
  const day = translate(phase ? 'pingyi.phase_gate.today_in' : 'pingyi.phase_gate.today_outside', {
    date: today.slice(5),
    phase: phase ? phaseName(phase, translate) : '',
  });
  const parts = [
    open.length
      ? translate('pingyi.phase_gate.open_today', { actions: listOf(open, locale) })
      : translate('pingyi.phase_gate.none_today'),
    ...closed.map((w) =>
      w.runs.length
        ? translate('pingyi.phase_gate.opens', {
            action: translate(`pingyi.actions.${w.action}`),
            windows: describeRuns(w, today, translate, locale),
          })
        : translate('pingyi.phase_gate.never_after', { action: translate(`pingyi.actions.${w.action}`) }),
    ),
  ];
  return (
    <Alert severity={closed.length ? 'info' : 'success'} data-testid="open-today" sx={{ mt: 1, mb: 2 }}>
      {day}
      {parts.join('')}
    </Alert>
  );
}
