/**
 * The subscribers CSV: `email,name,interests` (`topics` is accepted as another name for
 * the interests column; RFC 4180 quoting, optional header row,
 * UTF-8 with or without BOM). Pure: text in, normalized and merged rows out, or a
 * BriefingError naming the file and line.
 */
import { BriefingError } from '../errors.js';
import { normalizeEmail } from './address.js';

export interface SubscriberInput {
  email: string;
  name?: string | undefined;
  /** Interest ids or labels; empty = the whole issue. */
  interests: string[];
  /**
   * The operator vouches that this person already confirmed (a `confirmed` column: yes/true/1, or the
   * date of the confirmation). `now` = at the import. Kept as the subscriber's consent record.
   */
  confirmed?: Date | 'now' | undefined;
  /** Edition ids, when the file has an editions column (empty = the first edition). */
  editions?: string[] | undefined;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

/** Split CSV text into records (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string, file = 'CSV'): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quotedField = false;
  const endField = (): void => {
    fields.push(quotedField ? field : field.trim());
    field = '';
    quotedField = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && field.trim() === '' && !quotedField) {
      // A quoted field: read to the closing quote; "" is a literal quote.
      const open = line;
      field = '';
      quotedField = true;
      i++;
      for (;;) {
        if (i >= src.length) {
          throw new BriefingError(
            'ESUBSCRIBER',
            `${file} line ${open}: a quoted field is never closed`,
            'add the closing double quote (write "" for a quote inside a field)',
          );
        }
        const d = src[i];
        if (d === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      while (src[i] === ' ' || src[i] === '\t') i++;
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new BriefingError(
          'ESUBSCRIBER',
          `${file} line ${line}: text after a closing quote`,
          'put the whole field inside the quotes',
        );
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && src[i + 1] === '\n') i++;
      i++;
      line++;
      start = line;
    } else {
      if (quotedField) {
        throw new BriefingError(
          'ESUBSCRIBER',
          `${file} line ${line}: text after a closing quote`,
          'put the whole field inside the quotes',
        );
      }
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

type Column = 'email' | 'name' | 'interests' | 'confirmed' | 'editions';

const HEADER_NAMES: Record<string, Column> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  address: 'email',
  이메일: 'email',
  name: 'name',
  이름: 'name',
  interests: 'interests',
  interest: 'interests',
  관심사: 'interests',
  topics: 'interests',
  topic: 'interests',
  주제: 'interests',
  confirmed: 'confirmed',
  consent: 'confirmed',
  동의: 'confirmed',
  editions: 'editions',
  edition: 'editions',
  에디션: 'editions',
};

/** A `confirmed` field: yes/true/1/y/예 (now), an ISO date, or empty/no/false/0 (not confirmed). */
function parseConfirmed(field: string | undefined, where: string): Date | 'now' | undefined {
  const v = (field ?? '').trim().toLowerCase();
  if (v === '' || ['no', 'n', 'false', '0', '아니오'].includes(v)) return undefined;
  if (['yes', 'y', 'true', '1', '예'].includes(v)) return 'now';
  const t = Date.parse(v);
  if (/^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(t)) return new Date(t);
  throw new BriefingError(
    'ESUBSCRIBER',
    `${where}: confirmed "${field?.slice(0, 40)}" is neither yes/no nor a date`,
    'write yes, no, or the date of the confirmation like 2026-03-01',
  );
}

/** Interests from one field: separated by ;, | or commas (when quoted). */
export function splitTopics(field: string | undefined): string[] {
  if (!field) return [];
  return [
    ...new Set(
      field
        .split(/[;|,]/)
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    ),
  ];
}

export interface ParsedSubscribers {
  subscribers: SubscriberInput[];
  /** Rows that repeated an earlier address and were merged into it. */
  merged: number;
}

/**
 * Subscribers from CSV text. A first row naming the columns (email, name, interests
 * or topics, editions, in any order) is a header; otherwise columns are email, name, interests.
 * A repeated address is merged (first non-empty name, interests joined). Any bad row fails the
 * whole file with its line number, so nothing is half-imported.
 */
export function parseSubscribersCsv(text: string, file = 'subscribers CSV'): ParsedSubscribers {
  const records = parseCsv(text, file);
  let columns: Array<Column | undefined> = ['email', 'name', 'interests'];
  const first = records[0];
  if (first?.fields.some((f) => HEADER_NAMES[f.trim().toLowerCase()] === 'email')) {
    columns = first.fields.map((f) => HEADER_NAMES[f.trim().toLowerCase()]);
    records.shift();
  }
  const emailCol = columns.indexOf('email');
  const byEmail = new Map<string, SubscriberInput>();
  let merged = 0;
  for (const rec of records) {
    if (rec.fields.every((f) => f.trim() === '') || (rec.fields[0] ?? '').trimStart().startsWith('#')) continue;
    const get = (col: Column): string | undefined => {
      const idx = col === 'email' ? emailCol : columns.indexOf(col);
      return idx < 0 ? undefined : rec.fields[idx];
    };
    const raw = (get('email') ?? '').trim();
    if (!raw) {
      throw new BriefingError(
        'ESUBSCRIBER',
        `${file} line ${rec.line}: no e-mail address`,
        'put the address in the email column, or delete the line',
      );
    }
    const email = normalizeEmail(raw);
    if (!email) {
      throw new BriefingError(
        'ESUBSCRIBER',
        `${file} line ${rec.line}: "${raw.slice(0, 80)}" is not an e-mail address`,
        'write it like name@example.com, or delete the line',
      );
    }
    const name = (get('name') ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || undefined;
    const interests = splitTopics(get('interests'));
    const confirmed = parseConfirmed(get('confirmed'), `${file} line ${rec.line}`);
    const editions = columns.includes('editions') ? splitTopics(get('editions')) : undefined;
    const prev = byEmail.get(email);
    if (prev) {
      merged++;
      prev.name ??= name;
      prev.interests = [...new Set([...prev.interests, ...interests])];
      prev.confirmed ??= confirmed;
      if (editions) prev.editions = [...new Set([...(prev.editions ?? []), ...editions])];
    } else {
      byEmail.set(email, {
        email,
        name,
        interests,
        ...(confirmed ? { confirmed } : {}),
        ...(editions ? { editions } : {}),
      });
    }
  }
  return { subscribers: [...byEmail.values()], merged };
}
