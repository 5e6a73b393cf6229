import { type GroupResponse } from '../results/dto/response.dto';
import { type NoticeGroup } from './content/results-notice';

/**
 * The notice's groups table: each group's valid ballots as the snapshot froze
 * them, or (a snapshot published before it kept them) as counted now.
 */
export function noticeGroups(
  frozen: readonly GroupResponse[] | null,
  live: readonly { label: string; quota: number; ballots: number }[],
): NoticeGroup[] {
  if (frozen && frozen.length > 0 && frozen.every((group) => typeof group.ballots === 'number'))
    return frozen.map((group) => ({ label: group.groupLabel, quota: group.quota, ballots: group.ballots as number }));
  return live.map((group) => ({ label: group.label, quota: group.quota, ballots: group.ballots }));
}
