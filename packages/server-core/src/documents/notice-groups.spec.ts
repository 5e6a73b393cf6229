import { describe, expect, it } from 'vitest';
import { type GroupResponse } from '../results/dto/response.dto';
import { noticeGroups } from './notice-groups';

const frozen = (ballots: number | null): GroupResponse =>
  ({ groupCode: 'residents', groupLabel: '城乡居民', quota: 1000, received: 900, ballots }) as GroupResponse;

describe("the results notice's groups table", () => {
  it("reads each group's valid ballots as the published snapshot froze them, not as counted now", () => {
    expect(noticeGroups([frozen(880)], [{ label: '城乡居民', quota: 1000, ballots: 950 }])).toEqual([
      { label: '城乡居民', quota: 1000, ballots: 880 },
    ]);
  });

  it('counts them now for a snapshot published before snapshots kept them', () => {
    const live = [{ label: '城乡居民', quota: 1000, ballots: 950 }];
    expect(noticeGroups([frozen(null)], live)).toEqual(live);
    expect(noticeGroups(null, live)).toEqual(live);
  });
});
