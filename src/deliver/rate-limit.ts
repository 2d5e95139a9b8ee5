/** Evenly spaced slots: at most `perSecond` starts per second (0 = no limit). Pure given `now`. */
export class RateLimiter {
  private next = 0;

  constructor(private readonly perSecond: number) {}

  /** How long to wait (ms) before the next start, booking that slot. */
  reserve(now: number): number {
    if (!(this.perSecond > 0)) return 0;
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    return at - now;
  }
}
