import { type BoxedBallot } from './boxed-ballot';

/**
 * What the tallies and the mixer need of a waiting ballot: no opinion text,
 * no access code. Kept in memory once its entry is opened, so a tally polled
 * every few seconds with 30,000 ballots in the box opens each entry once, not
 * once per poll. Box entries never change (a random id, sealed once, deleted
 * when mixed), so a summary never goes stale; it is dropped when its entry
 * has left the box.
 */
export interface WaitingSummary {
  readonly id: string;
  readonly campaignId: number;
  readonly evaluatorGroupCode: string;
  readonly channel: 'online' | 'paper';
  readonly boxedAt: number;
  readonly opinionCount: number;
  /** `[unit, level]`, each pair shared by every summary that holds it (about 80 references per ballot, not 80 arrays). */
  readonly ratings: readonly (readonly [string, string])[];
}

/** Above this many entries the cache starts over (a box this full is mixed within the interval anyway). */
const MAX_SUMMARIES = 500_000;

/** Summaries of opened box entries, by entry id; `null` for an entry that does not open (logged once). */
export class WaitingSummaries {
  private readonly byId = new Map<string, { readonly campaignId: number; readonly summary: WaitingSummary | null }>();
  private readonly pairs = new Map<string, readonly [string, string]>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Keeps the summary of an opened entry. */
  add(id: string, ballot: BoxedBallot): void {
    if (this.byId.size >= MAX_SUMMARIES) this.clear();
    const ratings = ballot.ratings.map(([unit, level]) => this.pair(unit, level));
    this.byId.set(id, {
      campaignId: ballot.campaignId,
      summary: {
        id,
        campaignId: ballot.campaignId,
        evaluatorGroupCode: ballot.evaluatorGroupCode,
        channel: ballot.channel,
        boxedAt: ballot.boxedAt,
        opinionCount: ballot.opinions.length,
        ratings,
      },
    });
  }

  /** Remembers an entry that does not open, so it is not tried (and logged) again. */
  addUnopenable(id: string, campaignId: number): void {
    this.byId.set(id, { campaignId, summary: null });
  }

  /**
   * The summaries of `ids` (the entries in the box, of `campaignId` or of
   * all campaigns), forgetting those of that scope no longer in it.
   */
  current(ids: readonly string[], campaignId?: number): WaitingSummary[] {
    const live = new Set(ids);
    for (const [id, entry] of this.byId)
      if ((campaignId === undefined || entry.campaignId === campaignId) && !live.has(id)) this.byId.delete(id);
    const out: WaitingSummary[] = [];
    for (const id of ids) {
      const summary = this.byId.get(id)?.summary;
      if (summary) out.push(summary);
    }
    return out;
  }

  clear(): void {
    this.byId.clear();
    this.pairs.clear();
  }

  private pair(unit: string, level: string): readonly [string, string] {
    const key = `${unit}\u0000${level}`;
    let pair = this.pairs.get(key);
    if (!pair) this.pairs.set(key, (pair = Object.freeze([unit, level] as const)));
    return pair;
  }
}
