/**
 * Counts per label published a whole minute at a time: an increment becomes
 * visible only once its minute has ended, so however often the counter is
 * scraped, it never tells a cast's time finer than the minute it fell in.
 */
export class MinuteCounts {
  private readonly published = new Map<string, number>();
  private readonly pending = new Map<string, { minute: number; count: number }[]>();

  add(label: string, now = Date.now()): void {
    const minute = Math.floor(now / 60_000);
    const list = this.pending.get(label) ?? [];
    const last = list.at(-1);
    if (last?.minute === minute) last.count += 1;
    else list.push({ minute, count: 1 });
    this.pending.set(label, list);
  }

  /** The totals of every minute that has ended by `now`. */
  totals(now = Date.now()): ReadonlyMap<string, number> {
    const minute = Math.floor(now / 60_000);
    for (const [label, list] of this.pending) {
      const ended = list.filter((entry) => entry.minute < minute);
      if (ended.length === 0) continue;
      this.published.set(label, (this.published.get(label) ?? 0) + ended.reduce((sum, entry) => sum + entry.count, 0));
      this.pending.set(
        label,
        list.filter((entry) => entry.minute >= minute),
      );
    }
    return this.published;
  }
}
