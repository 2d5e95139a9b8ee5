/**
 * Feed dates: RFC 822/1123/850, asctime, ISO 8601/W3CDTF and the Korean forms seen in
 * feeds (`2004-05-25 오후 11:23:17`, `2004년 05월 28일 01:31:15`). Pure: the process
 * timezone never matters. A date with no zone uses `defaultOffsetMinutes`; Korean forms
 * default to KST (+09:00).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Zone abbreviations seen in feeds, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
  bst: 60,
  cet: 60,
  met: 60,
  mez: 60,
  west: 60,
  cest: 120,
  mest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  ict: 420,
  wib: 420,
  hkt: 480,
  sgt: 480,
  awst: 480,
  pht: 480,
  kst: 540,
  jst: 540,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

export const KST_OFFSET_MINUTES = 540;

export interface DateOptions {
  /** Offset used when the text names no zone (minutes east of UTC). Default 0 (UTC). */
  defaultOffsetMinutes?: number;
}

function zoneOffset(zone: string | undefined): number | undefined | null {
  if (!zone) return undefined;
  const z = zone.trim();
  const num = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (num) {
    const sign = num[1] === '-' ? -1 : 1;
    const h = Number(num[2]);
    const m = Number(num[3] ?? 0);
    if (h > 14 || m > 59) return null;
    return sign * (h * 60 + m);
  }
  const named = ZONES[z.toLowerCase()];
  return named ?? null;
}

function year4(y: string): number {
  const n = Number(y);
  if (y.length <= 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number,
): Date | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60 || y < 1000 || y > 9999) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMinutes * 60_000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject 31 February and friends rather than roll them over.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return undefined;
  return date;
}

function hour12(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = /^(오후|pm|p\.m\.)$/i.test(meridiem);
  const am = /^(오전|am|a\.m\.)$/i.test(meridiem);
  if (pm && h < 12) return h + 12;
  if (am && h === 12) return 0;
  return h;
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:T|\s+)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[A-Za-z]{2,10}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:(?:GMT|UTC)?\s*([+-]\d{1,2}:?\d{2})|([A-Za-z]{1,5}))?(?:\s*\([^)]*\))?$/;
const MONTH_FIRST =
  /^(?:[A-Za-z]{2,10}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?,?(?:\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?\s*(?:(?:GMT|UTC)?\s*([+-]\d{1,2}:?\d{2})|([A-Za-z]{1,5}))?(?:\s+(\d{4}))?$/i;
const KOREAN =
  /^(\d{4})\s*(?:년|[-./])\s*(\d{1,2})\s*(?:월|[-./])\s*(\d{1,2})\s*(?:일|\.)?\s*(?:\(\s*[월화수목금토일A-Za-z]{1,3}\s*\)|[월화수목금토일]요일)?\s*(?:(오전|오후|AM|PM)\s*)?(?:(\d{1,2})\s*(?::|시)\s*(?:(\d{1,2})\s*(?::|분)?\s*(?:(\d{1,2})\s*초?)?)?)?\s*(오전|오후|AM|PM)?\s*(KST|[+-]\d{2}:?\d{2})?$/i;

/** Parse one feed date; undefined when the text is not a date this knows. */
export function parseFeedDate(text: string | undefined, opts: DateOptions = {}): Date | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 80) return undefined;
  const dflt = opts.defaultOffsetMinutes ?? 0;

  let m = ISO.exec(t);
  if (m) {
    const off = zoneOffset(m[7]);
    if (off === null) return undefined;
    return build(
      Number(m[1]),
      Number(m[2] ?? 1),
      Number(m[3] ?? 1),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      off ?? dflt,
    );
  }

  m = RFC822.exec(t);
  if (m) {
    const mo = MONTHS[(m[2] ?? '').toLowerCase()];
    const off = zoneOffset(m[7] ?? m[8]);
    if (mo !== undefined && off !== null) {
      return build(
        year4(m[3] ?? ''),
        mo,
        Number(m[1]),
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
        off ?? dflt,
      );
    }
  }

  m = MONTH_FIRST.exec(t);
  if (m) {
    const mo = MONTHS[(m[1] ?? '').toLowerCase()];
    const year = m[3] ?? m[10];
    const off = zoneOffset(m[8] ?? m[9]);
    if (mo !== undefined && year && off !== null) {
      const h = hour12(Number(m[4] ?? 0), m[7]);
      return build(Number(year), mo, Number(m[2]), h, Number(m[5] ?? 0), Number(m[6] ?? 0), off ?? dflt);
    }
  }

  m = KOREAN.exec(t);
  if (m) {
    const meridiem = m[4] ?? m[8];
    const off = zoneOffset(m[9]);
    if (off === null) return undefined;
    const h = hour12(Number(m[5] ?? 0), meridiem);
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      h,
      Number(m[6] ?? 0),
      Number(m[7] ?? 0),
      off ?? (/[\uac00-\ud7a3]/.test(t) ? KST_OFFSET_MINUTES : dflt),
    );
  }

  // Anything else the JavaScript parser reads, but only with an explicit zone, so the
  // result never depends on the machine's timezone.
  if (/(?:\bZ|\bGMT|\bUTC|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return undefined;
}

export interface ItemDate {
  /** ISO 8601 UTC. */
  iso: string;
  /** The feed gave no usable date; the fetch time stands in. */
  missing: boolean;
  /** The feed's date was in the future and was clamped to the fetch time. */
  clamped: boolean;
}

/** The first candidate that parses, clamped to `now`; `now` when none does. */
export function itemDate(candidates: ReadonlyArray<string | undefined>, now: Date, opts: DateOptions = {}): ItemDate {
  for (const c of candidates) {
    const d = parseFeedDate(c, opts);
    if (!d) continue;
    if (d.getTime() > now.getTime()) return { iso: now.toISOString(), missing: false, clamped: true };
    return { iso: d.toISOString(), missing: false, clamped: false };
  }
  return { iso: now.toISOString(), missing: true, clamped: false };
}
