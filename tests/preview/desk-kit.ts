/**
 * The editing half of the test desk: drafts read and written with the product's own draft
 * schema and YAML (src/compose), written atomically, and a few stored items to search.
 */
import { readFileSync } from 'node:fs';
import { draftToYaml, parseDraft } from '../../src/compose/index.js';
import type { DeskDeps, StoredItemHit } from '../../src/preview/index.js';
import type { Draft } from '../../src/types.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { sampleDraft, type Desk } from './desk.js';

/** Stored items as the store would list them: real-looking Korean tech and market news. */
export const STORED: readonly StoredItemHit[] = [
  {
    id: 41,
    title: '국내 클라우드 시장 20% 성장… 공공 부문이 이끌었다',
    url: 'https://techdaily.example.kr/news/articleView.html?idxno=30611',
    publisher: '테크데일리',
    publishedAt: '2026-11-21T01:00:00.000Z',
  },
  {
    id: 42,
    title: '네이버클라우드, 공공 AI 사업 수주… 3년간 1,200억 원 규모',
    url: 'https://marketwatch.example.kr/news/88507',
    publisher: '마켓워치코리아',
    publishedAt: '2026-11-20T05:30:00.000Z',
  },
  {
    id: 43,
    title: '원/달러 환율 1,450원 재돌파… 외국인 주식 순매도 확대',
    url: 'https://marketwatch.example.kr/news/88301',
    publisher: '마켓워치코리아',
    publishedAt: '2026-11-19T07:10:00.000Z',
  },
];

/** A picture of the first story, on the sample publisher's own image host (never fetched). */
export const PICTURE = {
  url: 'https://img.techdaily.example.kr/news/photo/202611/30455_51102_1.jpg',
  width: 1200,
  height: 675,
  alt: '평택캠퍼스 반도체 생산라인',
  publisher: '예시일보',
};

/** The sample draft with what compose keeps for the desk: alternatives and a picture with another to swap. */
export function deskDraft(issueId: string): Draft {
  const d = sampleDraft(issueId);
  const [first, second] = d.stories;
  if (first) {
    first.image = PICTURE;
    first.images = [
      {
        url: 'https://img.marketwatch.example.kr/2026/11/22/chip-export-port.jpg',
        width: 800,
        height: 450,
        alt: '부산항 신선대부두의 수출 컨테이너',
        publisher: '예시경제',
      },
    ];
    first.alternatives = [
      {
        text: '반도체 수출은 넉 달 만에 증가세로 돌아섰다.',
        publisher: '예시경제',
        url: 'http://127.0.0.1/b2',
      },
      {
        text: '업계는 인공지능 서버용 메모리 주문이 내년 상반기까지 이어질 것으로 본다.',
        publisher: '예시일보',
        url: 'http://127.0.0.1/a',
      },
    ];
  }
  if (second) {
    second.alternatives = [
      { text: '충전 요금은 2022년 이후 동결돼 왔다.', publisher: '예시경제', url: 'http://127.0.0.1/b' },
    ];
  }
  return d;
}

/** Give a test desk the editing deps; its drafts are rewritten in the product's YAML first. */
export function withEditing(desk: Desk, ids: readonly string[] = ['2026-11-16', '2026-11-23']): DeskDeps {
  for (const id of ids) {
    const file = desk.draftFileOf(id);
    const draft = id === ids[ids.length - 1] ? deskDraft(id) : parseDraft(readFileSync(file, 'utf8'), file);
    writeFileAtomic(file, draftToYaml(draft));
  }
  const latest = ids[ids.length - 1] ?? '';
  const editing: DeskDeps = {
    async readDraft(issueId) {
      const file = desk.draftFileOf(issueId ?? latest);
      const text = readFileSync(file, 'utf8');
      return { draft: parseDraft(text, file), file, text };
    },
    async writeDraft(file, draft) {
      const yaml = draftToYaml(draft as Draft);
      parseDraft(yaml, file);
      writeFileAtomic(file, yaml);
      return yaml;
    },
    async searchItems(words) {
      const terms = words.split(/\s+/).filter(Boolean);
      return STORED.filter((it) => terms.every((t) => it.title.includes(t)));
    },
    async itemByUrl(url) {
      return STORED.find((it) => it.url === url);
    },
  };
  desk.deps.desk = editing;
  desk.deps.loadDraft = async (issueId) => (await editing.readDraft(issueId)).draft;
  return editing;
}

/** The draft on disk now. */
export function draftOnDisk(desk: Desk, id = '2026-11-23'): Draft {
  const file = desk.draftFileOf(id);
  return parseDraft(readFileSync(file, 'utf8'), file);
}
