import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { formatExplain, rankTopics } from '../../src/rank/index.js';
import { input } from './builders.js';
import { evalNow, evalSources, toItems } from './eval/dataset.js';

const result = rankTopics(
  input({ items: toItems(), sources: evalSources(), now: evalNow, blocks: ['https://news.example.com/kt-hack/67'] }),
);

describe('formatExplain', () => {
  const text = formatExplain(result, 'Asia/Seoul');

  it('prints every selected topic with its id, score, formula and each term of the score', () => {
    expect(text).toContain('== Top stories');
    expect(text).toContain('== Headlines');
    result.topics.forEach((t, k) => {
      expect(text).toContain(`[${k + 1}] ${t.title}`);
      expect(text).toContain(`id ${t.id} · score ${t.score.toFixed(2)}`);
      expect(text).toContain(t.explain.formula);
    });
    for (const label of ['recency', 'momentum', 'weight', 'novelty', 'terms', 'items']) {
      const lines = text.split('\n').filter((l) => l.startsWith(`    ${label}`));
      expect(lines, label).toHaveLength(result.topics.length);
    }
  });

  it('lists each topic’s items with source, local time, title, link and collapsed copies', () => {
    for (const t of result.topics) for (const i of t.items) expect(text).toContain(`        ${i.link}`);
    // 51 was published 15 h before 2026-11-23 07:00 KST: 11/22 16:00 in Seoul, 07:00 in UTC.
    expect(text).toContain(
      '연합뉴스 11/22 16:00  쿠팡 고객 3370만명 개인정보 유출…이름·주소·전화번호  (+1 near-duplicate)',
    );
    expect(formatExplain(result, 'UTC')).toContain('연합뉴스 11/22 07:00  쿠팡 고객');
  });

  it('names the independent sources and their weights behind momentum', () => {
    expect(text).toMatch(/momentum {2}3\.20: 3 independent source\(s\) — 연합뉴스 ×1\.2, 한국경제 ×1, 머니투데이 ×1/);
  });

  it('groups the dropped topics by reason, with the reason spelled out', () => {
    expect(text).toContain('== Dropped');
    expect(text).toMatch(
      / {2}blocked by the editor \(1\)\n {4}- KT 무단 소액결제 피해 2억원…펨토셀 해킹 의심 · t-[0-9a-f]{10} · score \d\.\d\d · 1 item\(s\)\n {6}blocked by the editor \(https:\/\/news\.example\.com\/kt-hack\/67\)/,
    );
    expect(text).toMatch(/ {2}below the cut \(\d+\)/);
  });

  it('marks follow-ups and pins in the topic line', () => {
    const sent = [
      {
        issueId: '2026-11-16',
        topicId: 'x',
        title: '지난주 쿠팡 이야기',
        terms: result.topics[0]?.terms.slice(0, 3) ?? [],
        sentAt: '',
        issuesAgo: 1,
      },
    ];
    const r = rankTopics(
      input({ items: toItems(), sources: evalSources(), now: evalNow, sent, pins: [result.topics[2]?.id ?? ''] }),
    );
    const t = formatExplain(r, 'Asia/Seoul');
    expect(t).toMatch(/· follow-up/);
    expect(t).toMatch(/novelty {3}0\.\d\d: follow-up of “지난주 쿠팡 이야기” in 2026-11-16 \(similarity 0\.\d\d\)/);
    expect(t).toMatch(/\[1\] .+\n {4}id t-[0-9a-f]{10} · score 1\d\.\d\d · pinned/);
    expect(t).toContain('pin       +10: pinned by the editor');
  });

  it('says so plainly when nothing is in the window', () => {
    const empty = formatExplain(rankTopics(input({ items: [] })), 'Asia/Seoul');
    expect(empty).toBe(
      '0 topic(s) selected from 0 item(s) in the window; 0 dropped.\nscore = weight × recency × momentum × novelty + pin\n',
    );
  });

  it('rejects an unknown timezone with a hint', () => {
    expect(() => formatExplain(result, 'Mars/Olympus')).toThrow(BriefingError);
    expect(() => formatExplain(result, 'Mars/Olympus')).toThrow(/unknown timezone "Mars\/Olympus"/);
  });
});

describe('the result as data', () => {
  it('is plain JSON: what `rank --json` prints is the same result', () => {
    const copy: unknown = JSON.parse(JSON.stringify(result));
    expect(copy).toEqual(result);
  });

  it('is the same for the same input, run after run', () => {
    const again = rankTopics(
      input({
        items: toItems(),
        sources: evalSources(),
        now: evalNow,
        blocks: ['https://news.example.com/kt-hack/67'],
      }),
    );
    expect(again).toEqual(result);
  });
});
