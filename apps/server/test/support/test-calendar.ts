import { addDays, localDateOf } from '@pingyi/domain';

// The calendar every suite's campaign is placed on: today in the campaigns'
// time zone, and the seed's four phases, 20 days each, around today.

export type PhaseCode = 'mobilization' | 'implementation' | 'appraisal' | 'rectification';
const PHASES: readonly { code: PhaseCode; label: string }[] = [
  { code: 'mobilization', label: '动员部署' },
  { code: 'implementation', label: '组织实施' },
  { code: 'appraisal', label: '接受评议' },
  { code: 'rectification', label: '整改提高' },
];

/** Today in the campaigns' time zone. */
export const today = (): string => localDateOf(new Date(), 'Asia/Shanghai');

/** Four 20-day phases placed so that today falls (10 days in) in `current`. */
export function phasesAround(current: PhaseCode): { code: string; label: string; start: string; end: string }[] {
  const index = PHASES.findIndex((phase) => phase.code === current);
  const start = addDays(today(), -(20 * index + 10));
  return PHASES.map((phase, i) => ({ ...phase, start: addDays(start, 20 * i), end: addDays(start, 20 * i + 19) }));
}
