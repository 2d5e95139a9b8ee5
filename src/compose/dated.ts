/**
 * Background sentences: a sentence whose only dates are years before the tells
 * what happened then ("Tiger Woods was not supposed to win the 1997 Masters, …"), not the
 * news of the day, so it is never a headline's only sentence.
 */

/** Years a sentence names: 1997, 2019년 (a four-digit number from 1900 to 2099 standing alone). */
const YEAR = /(?<![\d.,])(19\d{2}|20\d{2})(?![\d.,]?\d)/g;

/** How many years before the year a sentence may be dated and still be news. */
export const BACKGROUND_YEARS = 2;

/** Whether every year the sentence names lies more than BACKGROUND_YEARS before `now`'s year. */
export function isBackground(text: string, now: Date): boolean {
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) return false;
  return Math.max(...years) < now.getUTCFullYear() - BACKGROUND_YEARS;
}
