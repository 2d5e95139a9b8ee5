import type { Labels, Locale } from '../../types.js';

/** Words of the archive pages, per locale; a locale file may override any of them (key `archive.<name>`). */
export interface ArchiveText {
  archive: string;
  allIssues: string;
  older: string;
  newer: string;
  feed: string;
  empty: string;
}

const TEXT: Record<Locale, ArchiveText> = {
  ko: {
    archive: '지난 호',
    allIssues: '전체 목록',
    older: '이전 호',
    newer: '다음 호',
    feed: 'Atom 피드',
    empty: '아직 발송된 호가 없습니다.',
  },
  en: {
    archive: 'Archive',
    allIssues: 'All issues',
    older: 'Older issue',
    newer: 'Newer issue',
    feed: 'Atom feed',
    empty: 'No issues have been sent yet.',
  },
};

export function archiveText(locale: Locale, labels: Labels = {}): ArchiveText {
  const base = TEXT[locale];
  const out = { ...base };
  for (const key of Object.keys(base) as Array<keyof ArchiveText>) {
    const own = labels[`archive.${key}`];
    if (own) out[key] = own;
  }
  return out;
}

/** A date as readers of the locale write it, in the newsletter's timezone. */
export function formatDate(iso: string, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: timezone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(iso));
}
