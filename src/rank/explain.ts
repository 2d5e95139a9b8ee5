/**
 * `rank --explain`: every term of each selected topic's score, its items, and why the
 * other topics were dropped, as plain text for an editor.
 */
import { BriefingError } from '../errors.js';
import type { RankResult, Topic } from '../types.js';

/** Dropped topics listed one by one per reason; the rest are counted. */
const DROPPED_SHOWN = 10;
/** Terms shown per topic. */
const TERMS_SHOWN = 8;

type DateFormat = (iso: string) => string;

function dateFormat(timezone: string): DateFormat {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    throw new BriefingError('EUSAGE', `unknown timezone "${timezone}"`, 'use an IANA timezone name like Asia/Seoul');
  }
  return (iso) => {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return '??/?? ??:??';
    const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
    return `${p.month}/${p.day} ${p.hour}:${p.minute}`;
  };
}

/** The top terms worth reading: a fragment of another listed term (a bigram of a stem) is skipped. */
export function readableTerms(terms: readonly string[], max = TERMS_SHOWN): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (out.length >= max) break;
    if (!t || out.includes(t) || terms.some((o) => o !== t && o.includes(t))) continue;
    out.push(t);
  }
  return out;
}

const f2 = (x: number): string => x.toFixed(2);

function hoursText(h: number): string {
  return h < 48 ? `${h.toFixed(1)}h` : `${(h / 24).toFixed(1)}d`;
}

function topicBlock(t: Topic, n: number, date: DateFormat): string[] {
  const e = t.explain;
  const lines: string[] = [];
  lines.push(`[${n}] ${t.title}`);
  lines.push(`    id ${t.id} · score ${f2(t.score)}${t.followUp ? ' · follow-up' : ''}${e.pin ? ' · pinned' : ''}`);
  lines.push(`    ${e.formula}`);
  const half = e.halfLifeHours !== undefined ? `, half-life ${e.halfLifeHours}h` : '';
  lines.push(`    recency   ${f2(e.recency)}: newest independent report ${hoursText(e.ageHours)} ago${half}`);
  const srcs = (e.sources ?? []).map((s) => `${s.name} ×${s.weight}`).join(', ');
  lines.push(`    momentum  ${f2(e.momentum)}: ${e.sourceCount} independent source(s)${srcs ? ` — ${srcs}` : ''}`);
  lines.push(`    weight    ${f2(e.weight)}: mean source weight`);
  if (t.followUp) {
    const issue = e.followUpIssue ? ` in ${e.followUpIssue}` : '';
    lines.push(
      `    novelty   ${f2(e.novelty)}: follow-up of “${e.followUpOf ?? ''}”${issue} (similarity ${f2(e.similarity ?? 0)})`,
    );
  } else {
    const near = e.similarity ? ` (closest sent topic ${f2(e.similarity)})` : '';
    lines.push(`    novelty   ${f2(e.novelty)}: new story${near}`);
  }
  if (e.pin) lines.push(`    pin       +${e.pin}: pinned by the editor`);
  if (e.redundancy !== undefined && n > 1) lines.push(`    diversity closest earlier pick ${f2(e.redundancy)}`);
  lines.push(`    terms     ${readableTerms(t.terms).join(', ')}`);
  lines.push('    items');
  for (const it of t.items) {
    const dup = it.duplicates.length
      ? `  (+${it.duplicates.length} near-duplicate${it.duplicates.length > 1 ? 's' : ''})`
      : '';
    lines.push(`      - ${it.source} ${date(it.publishedAt)}  ${it.title}${dup}`);
    lines.push(`        ${it.link}`);
  }
  return lines;
}

/** Plain-text explanation of a ranking; dates in `timezone`. */
export function formatExplain(result: RankResult, timezone: string): string {
  const date = dateFormat(timezone);
  const top = result.topStories ?? result.topics.length;
  const out: string[] = [
    `${result.topics.length} topic(s) selected from ${result.considered} item(s) in the window; ${result.dropped.length} dropped.`,
    'score = weight × recency × momentum × novelty + pin',
    '',
  ];
  result.topics.forEach((t, i) => {
    if (i === 0 && top > 0) out.push('== Top stories', '');
    if (i === top) out.push('== Headlines', '');
    out.push(...topicBlock(t, i + 1, date), '');
  });
  if (result.dropped.length) {
    out.push('== Dropped');
    const byKind = new Map<string, Array<{ topic: Topic; reason: string }>>();
    for (const d of result.dropped) {
      const kind = d.reason.split(/[:(]/)[0]?.trim() ?? d.reason;
      const list = byKind.get(kind);
      if (list) list.push(d);
      else byKind.set(kind, [d]);
    }
    for (const [kind, list] of byKind) {
      out.push(`  ${kind} (${list.length})`);
      for (const d of list.slice(0, DROPPED_SHOWN)) {
        out.push(
          `    - ${d.topic.title} · ${d.topic.id} · score ${f2(d.topic.score)} · ${d.topic.items.length} item(s)`,
        );
        if (d.reason !== kind && !d.reason.startsWith('below the cut')) out.push(`      ${d.reason}`);
      }
      if (list.length > DROPPED_SHOWN) out.push(`    … and ${list.length - DROPPED_SHOWN} more`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
