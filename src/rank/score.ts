/**
 * The one scoring formula, term by term:
 *
 *   score = weight × recency × momentum factor × novelty + pin
 *
 * - weight: mean source weight of the topic's independent sources (config, 1 = normal)
 * - recency: 0.5 ^ (age / half-life), age = hours since the topic's newest independent report
 * - momentum factor: 1 + ln(max(1, momentum)), momentum = sum of the weights of the distinct
 *   sources carrying the topic (near-duplicates count once)
 * - novelty: 1 for a new story, 1 − similarity for a follow-up of a sent topic
 * - pin: PIN_BONUS when an editor pinned the topic, else 0
 */

/** Added to a pinned topic's score: more than any unpinned topic can reach with normal weights. */
export const PIN_BONUS = 10;

export interface ScoreTerms {
  weight: number;
  ageHours: number;
  halfLifeHours: number;
  momentum: number;
  novelty: number;
  pin: number;
}

/** 0..1: exponential decay of age by half-life; a topic from the future counts as age 0. */
export function recencyOf(ageHours: number, halfLifeHours: number): number {
  if (!(halfLifeHours > 0)) return 1;
  return 0.5 ** (Math.max(0, ageHours) / halfLifeHours);
}

/** ≥ 1: grows with the log of the weighted number of independent sources. */
export function momentumFactor(momentum: number): number {
  return 1 + Math.log(Math.max(1, momentum));
}

export function scoreOf(t: ScoreTerms): number {
  return t.weight * recencyOf(t.ageHours, t.halfLifeHours) * momentumFactor(t.momentum) * t.novelty + t.pin;
}

const f2 = (x: number): string => x.toFixed(2);

/** The formula written out with its numbers. */
export function formulaOf(t: ScoreTerms): string {
  const r = recencyOf(t.ageHours, t.halfLifeHours);
  const m = momentumFactor(t.momentum);
  return (
    `score = weight ${f2(t.weight)} × recency ${f2(r)} (0.5^(${t.ageHours.toFixed(1)}h/${t.halfLifeHours}h))` +
    ` × momentum ${f2(m)} (1+ln ${f2(Math.max(1, t.momentum))}) × novelty ${f2(t.novelty)}` +
    ` + pin ${t.pin} = ${f2(scoreOf(t))}`
  );
}
