import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import type { CollectedItem, Topic } from '../../src/types.js';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function open(dir = mkdtempSync(join(tmpdir(), 'briefing-store-'))): Store {
  const s = Store.open(dir);
  stores.push(s);
  return s;
}

function item(over: Partial<CollectedItem> = {}): CollectedItem {
  return {
    source: '테크데일리',
    guid: 'g1',
    link: 'https://news.example.kr/a?id=1&utm_source=rss',
    canonicalLink: 'https://news.example.kr/a?id=1',
    title: '삼성전자, HBM4 양산 시작',
    publishedAt: '2026-11-12T01:00:00.000Z',
    html: '<p>본문</p>',
    blocks: [{ kind: 'paragraph', text: '본문입니다.' }],
    ...over,
  };
}

function topic(id: string, itemId: number): Topic {
  return {
    id,
    title: `topic ${id}`,
    score: 1,
    followUp: false,
    terms: ['hbm4', '삼성'],
    explain: { recency: 1, ageHours: 1, momentum: 1, sourceCount: 1, novelty: 1, weight: 1, pin: 0, formula: '' },
    items: [{ itemId, title: 't', link: 'l', source: 's', publishedAt: '2026-11-12T01:00:00.000Z', duplicates: [] }],
  };
}

describe('Store', () => {
  it('should keep its data in a WAL-mode SQLite file in the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-store-'));
    const s = open(dir);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.name).toBe(join(dir, 'briefing.db'));
  });

  it('should deduplicate items by guid within a source and by canonical link across sources', () => {
    const s = open();
    const now = new Date('2026-11-12T02:00:00Z');
    expect(s.items.insertNew([item()], now)).toBe(1);
    expect(s.items.insertNew([item({ title: 'changed' })], now)).toBe(0);
    expect(s.items.insertNew([item({ source: '마켓워치', guid: 'other' })], now)).toBe(0);
    expect(s.items.insertNew([item({ guid: 'g2', canonicalLink: 'https://news.example.kr/b' })], now)).toBe(1);
    expect(s.items.count()).toBe(2);
  });

  it('should return what ranking reads of the items of a window: the opening and length of the body, no HTML', () => {
    const s = open();
    s.items.insertNew(
      [item(), item({ guid: 'old', canonicalLink: 'https://x/old', publishedAt: '2026-10-01T00:00:00.000Z' })],
      new Date('2026-11-12T02:00:00Z'),
    );
    const inWindow = s.items.inWindow(new Date('2026-11-05T00:00:00Z'), new Date('2026-11-13T00:00:00Z'));
    expect(inWindow.map((i) => i.title)).toEqual([item().title]);
    expect(inWindow[0]?.opening).toEqual(['본문입니다.']);
    expect(inWindow[0]?.bodyChars).toBe('본문입니다.'.length);
    expect(inWindow[0]).not.toHaveProperty('html');
    expect(s.items.byIds([inWindow[0]?.id ?? 0])[0]?.blocks).toEqual([{ kind: 'paragraph', text: '본문입니다.' }]);
  });

  it("should keep an item's feed categories for ranking and give none back as no list", () => {
    const s = open();
    s.items.insertNew(
      [item({ categories: ['반도체', 'AI'] }), item({ guid: 'g2', canonicalLink: 'https://x.kr/2' })],
      new Date(),
    );
    const docs = s.items.inWindow(new Date('2026-11-11T00:00:00Z'), new Date('2026-11-13T00:00:00Z'));
    expect(docs.map((d) => d.categories)).toEqual([['반도체', 'AI'], undefined]);
    expect(s.items.byIds(docs.map((d) => d.id)).map((i) => i.categories)).toEqual([['반도체', 'AI'], undefined]);
  });

  it('should survive reopening: data is on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-store-'));
    const a = Store.open(dir);
    a.items.insertNew([item()], new Date());
    a.close();
    expect(open(dir).items.count()).toBe(1);
  });

  it('should remember conditional-GET state per source', () => {
    const s = open();
    s.sources.save(
      '테크데일리',
      { url: 'https://x/rss', etag: '"abc"', lastModified: 'Wed, 11 Nov 2026 00:00:00 GMT', failures: 0 },
      'ok',
    );
    expect(s.sources.get('https://x/rss')).toMatchObject({ etag: '"abc"', failures: 0 });
    s.sources.save('테크데일리', { url: 'https://x/rss', failures: 2, lastError: 'HTTP 500' }, 'failed');
    expect(s.sources.all()[0]).toMatchObject({
      name: '테크데일리',
      failures: 2,
      lastError: 'HTTP 500',
      lastStatus: 'failed',
    });
  });

  it('should give the topics of sent issues only, newest first, for novelty', () => {
    const s = open();
    const now = new Date('2026-11-16T00:00:00Z');
    s.items.insertNew([item()], now);
    s.issues.record(
      {
        id: '2026-11-09',
        createdAt: '2026-11-09T00:00:00Z',
        asOf: '2026-11-09T00:00:00Z',
        title: 'a',
        dir: '/o/a',
        itemWatermark: 1,
      },
      [topic('t-a', 1)],
    );
    s.issues.record(
      {
        id: '2026-11-16',
        createdAt: '2026-11-16T00:00:00Z',
        asOf: '2026-11-16T00:00:00Z',
        title: 'b',
        dir: '/o/b',
        itemWatermark: 1,
      },
      [topic('t-b', 1)],
    );
    expect(s.issues.sentTopics(4)).toEqual([]);
    expect(s.issues.sentItemIds().size).toBe(0);
    s.issues.setStatus('2026-11-09', 'sent', new Date('2026-11-09T01:00:00Z'));
    s.issues.setStatus('2026-11-16', 'sent', new Date('2026-11-16T01:00:00Z'));
    expect(s.issues.sentTopics(4).map((t) => [t.topicId, t.issuesAgo])).toEqual([
      ['t-b', 0],
      ['t-a', 1],
    ]);
    expect(s.issues.sentTopics(1).map((t) => t.topicId)).toEqual(['t-b']);
    expect([...s.issues.sentItemIds()]).toEqual([1]);
  });

  it('should keep the editor marks for later ranking', () => {
    const s = open();
    s.issues.mark('pin', 't-abc', '2026-11-16', new Date());
    s.issues.mark('block', 'https://x/spam', undefined, new Date());
    s.issues.mark('pin', 't-abc', '2026-11-16', new Date());
    expect(s.issues.marks('pin')).toEqual(['t-abc']);
    expect(s.issues.marks('block')).toEqual(['https://x/spam']);
  });
});
