// Items shared by the rectification specs (not exported from the package).
import { type RectificationItem, type RectificationState } from './rectification-item.js';

/** 2026-11-20 10:00 in Shanghai. */
export const NOW = new Date('2026-11-20T02:00:00Z');

export const BASE_ITEM: RectificationItem = {
  id: 'R-7',
  unitCode: 'traffic-police',
  title: '高峰时段交通拥堵',
  description: '意见表反映早高峰路口疏导不及时',
  source: 'opinion',
  state: 'identified',
  plan: null,
  owner: null,
  deadline: null,
  evidence: [],
  publicResponse: null,
  supervision: null,
  progress: null,
  rebounds: 0,
  lookBacks: 0,
  parentId: null,
  weight: null,
  openedOn: '2026-11-16',
  closedOn: null,
};

/** A plausible item in each state (deadline 2026-12-10 once planned). */
export function itemIn(state: RectificationState, changes: Partial<RectificationItem> = {}): RectificationItem {
  const planned = ['planned', 'inProgress', 'rectified', 'accepted'].includes(state);
  return {
    ...BASE_ITEM,
    state,
    ...(planned ? { plan: '增派警力疏导', owner: '李队长', deadline: '2026-12-10' } : {}),
    ...(state === 'inProgress' ? { progress: 40 } : {}),
    ...(state === 'rectified' || state === 'accepted'
      ? { progress: 100, publicResponse: '已增设岗位', evidence: ['file:1'] }
      : {}),
    ...(state === 'accepted' ? { closedOn: '2026-11-18' } : {}),
    ...changes,
  };
}
