import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { makeCollectedItem } from '../fixtures/builders.js';

let store: Store;

beforeEach(() => {
  store = Store.open(mkdtempSync(join(tmpdir(), 'briefing-search-')));
  store.items.insertNew(
    [
      makeCollectedItem({
        title: '국내 클라우드 시장 20% 성장… 공공 부문이 이끌었다',
        publishedAt: '2026-11-20T01:00:00.000Z',
      }),
      makeCollectedItem({
        source: '마켓워치코리아',
        title: '네이버클라우드, 공공 AI 사업 수주',
        link: 'https://marketwatch.example.kr/news/88507?utm_source=rss',
        canonicalLink: 'https://marketwatch.example.kr/news/88507',
        publishedAt: '2026-11-21T01:00:00.000Z',
      }),
      makeCollectedItem({ title: '할인율 100%_특가 이벤트 종료', publishedAt: '2026-11-19T01:00:00.000Z' }),
    ],
    new Date('2026-11-21T02:00:00Z'),
  );
});

afterEach(() => store.close());

describe('finding stored items for the desk', () => {
  it('finds items whose title has every word, newest first', () => {
    expect(store.items.search(['클라우드'], 10).map((i) => i.source)).toEqual(['마켓워치코리아', '테크데일리']);
    expect(store.items.search(['클라우드', '시장'], 10).map((i) => i.title)).toEqual([
      '국내 클라우드 시장 20% 성장… 공공 부문이 이끌었다',
    ]);
    expect(store.items.search(['ai'], 10)).toHaveLength(1);
    expect(store.items.search([' '], 10)).toEqual([]);
  });

  it('takes % and _ as themselves, not as patterns', () => {
    expect(store.items.search(['100%_'], 10).map((i) => i.title)).toEqual(['할인율 100%_특가 이벤트 종료']);
    expect(store.items.search(['%'], 10)).toHaveLength(2);
    expect(store.items.search(['0_2'], 10)).toEqual([]);
  });

  it('finds an item by its canonical link or its feed link', () => {
    expect(store.items.atLink(['https://marketwatch.example.kr/news/88507'])?.title).toBe(
      '네이버클라우드, 공공 AI 사업 수주',
    );
    expect(store.items.atLink(['https://marketwatch.example.kr/news/88507?utm_source=rss'])?.source).toBe(
      '마켓워치코리아',
    );
    expect(store.items.atLink(['https://marketwatch.example.kr/news/1'])).toBeUndefined();
  });
});
