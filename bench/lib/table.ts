/**
 * The result table: one line per measured row. Every row carries the core count and
 * Node version of the process that measured it, so a pasted table says where it ran.
 */
import { availableParallelism } from 'node:os';

export interface Row {
  /** Row number and letter, e.g. `2a`. */
  id: string;
  /** The work measured, in a few words. */
  work: string;
  /** Our figure. */
  ours: string;
  /** The peer's name and figure on the same work, measured in the same run ('' when the row has none). */
  peer: string;
  /** How ours compares with the peer (or how it grows), e.g. `4.1× faster`. */
  ratio: string;
  /** The target, e.g. `≤ 150 ms`. '' when the row only informs. */
  target: string;
  /** Whether the target is met; undefined when the row has no target. */
  pass?: boolean | undefined;
  cores: number;
  node: string;
  /** A line printed under the table. */
  note?: string | undefined;
}

/** Core count and Node version of this process. */
export function machine(): { cores: number; node: string } {
  return { cores: availableParallelism(), node: process.version };
}

export function row(fields: Omit<Row, 'cores' | 'node'>): Row {
  return { ...fields, ...machine() };
}

/** A row that could not be measured: the error takes the figure's place and counts as a miss. */
export function failedRow(id: string, work: string, target: string, error: string): Row {
  return row({ id, work, ours: `ERROR: ${error}`, peer: '', ratio: '', target, pass: false });
}

// ---------------------------------------------------------------- formatting

export function ms(v: number): string {
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  if (v >= 10) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

export function rate(perSecond: number, unit = 'msg/s'): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `a / b` as `N.N×`. */
export function times(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

/**
 * How ours compares in time (lower is better): `N× faster` when ours took less than
 * the peer, `N× slower` when more.
 */
export function speedup(peerMs: number, oursMs: number): string {
  if (!Number.isFinite(peerMs) || !Number.isFinite(oursMs) || peerMs <= 0 || oursMs <= 0) return 'n/a';
  return peerMs >= oursMs ? `${times(peerMs, oursMs)} faster` : `${times(oursMs, peerMs)} slower`;
}

export function percent(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((a / b) * 100).toFixed(0)} %`;
}

// ---------------------------------------------------------------- printing

const HEAD = ['#', 'work', 'ours', 'peer (same run)', 'ratio', 'target', 'ok', 'cores', 'node'] as const;

function cells(r: Row): string[] {
  const ok = r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS';
  return [r.id, r.work, r.ours, r.peer, r.ratio, r.target, ok, String(r.cores), r.node];
}

/** Display width: East Asian wide characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xff60)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** The table as plain text, columns aligned, notes numbered below it. */
export function formatTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(width(h), ...body.map((c) => width(c[i] ?? ''))));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => pad(v, widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [line(HEAD), rule, ...body.map(line)];
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) {
    out.push('');
    for (const r of notes) out.push(`${r.id}: ${r.note}`);
  }
  return out.join('\n');
}

/** One line: how many rows have a target and how many of them pass. */
export function summary(rows: readonly Row[]): string {
  const judged = rows.filter((r) => r.pass !== undefined);
  const missed = judged.filter((r) => r.pass === false);
  return missed.length === 0
    ? `${judged.length} of ${judged.length} targets met.`
    : `${judged.length - missed.length} of ${judged.length} targets met; missed: ${missed.map((r) => r.id).join(', ')}.`;
}
