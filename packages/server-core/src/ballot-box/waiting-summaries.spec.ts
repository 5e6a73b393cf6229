import { describe, expect, it } from 'vitest';
import { type BoxedBallot } from './boxed-ballot';
import { WaitingSummaries } from './waiting-summaries';

const ballot = (campaignId: number, level: string): BoxedBallot => ({
  bureauId: 1,
  campaignId,
  evaluatorGroupCode: 'residents',
  channel: 'online',
  castOn: '2026-12-01',
  paperBatchId: null,
  isDemo: false,
  ratings: [
    ['traffic-police', level],
    ['public-order', 'satisfied'],
  ],
  opinions: [['traffic-police', '排队太久']],
  accessCodeId: 7,
  boxedAt: 1000,
});

describe('WaitingSummaries', () => {
  it('keeps what tallies need, shares rating pairs, and forgets entries that left the box (of the scope read)', () => {
    const summaries = new WaitingSummaries();
    summaries.add('a', ballot(1, 'satisfied'));
    summaries.add('b', ballot(1, 'satisfied'));
    summaries.add('c', ballot(2, 'dissatisfied'));
    const [a, b] = summaries.current(['a', 'b'], 1);
    expect(a).toMatchObject({
      id: 'a',
      campaignId: 1,
      evaluatorGroupCode: 'residents',
      channel: 'online',
      opinionCount: 1,
      boxedAt: 1000,
    });
    expect(a).not.toHaveProperty('opinions');
    expect(a).not.toHaveProperty('accessCodeId');
    expect(a?.ratings[0]).toBe(b?.ratings[0]); // one shared pair
    // 'b' left campaign 1's box; campaign 2's entry is not touched by a read of campaign 1
    expect(summaries.current(['a'], 1).map((s) => s.id)).toEqual(['a']);
    expect(summaries.has('b')).toBe(false);
    expect(summaries.has('c')).toBe(true);
    // a read of the whole box forgets every entry not in it
    expect(summaries.current(['c']).map((s) => s.id)).toEqual(['c']);
    expect(summaries.size).toBe(1);
  });

  it('remembers an entry that does not open, and leaves it out of the summaries', () => {
    const summaries = new WaitingSummaries();
    summaries.addUnopenable('x', 1);
    expect(summaries.has('x')).toBe(true);
    expect(summaries.current(['x'], 1)).toEqual([]);
  });
});
