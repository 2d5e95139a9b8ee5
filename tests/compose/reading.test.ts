import { describe, expect, it } from 'vitest';
import { mmrSelect, scoreCandidates } from '../../src/compose/index.js';
import { prepareArticle } from '../../src/compose/article.js';
import {
  READ_ARTICLES,
  READ_BEST_SENTENCES,
  READ_SENTENCES,
  articlesToRead,
  sentencesToRead,
} from '../../src/compose/reading.js';
import { cosine, inverseDocumentFrequency, similarityMatrix, termVector, weighted } from '../../src/compose/text.js';
import { UsedSentences } from '../../src/compose/used.js';
import type { Item } from '../../src/types.js';
import { composeInput, item, p, SOURCES, topic, composeChecked } from './fixtures.js';

const PLACES = ['평택', '구미', '오창', '천안', '울산', '광주', '새만금', '용인', '창원', '부산', '송도', '대구'];
const THINGS = ['배터리', '반도체', '전기차', '로봇', '데이터센터', '위성', '수소', '원전', '조선', '바이오'];

/** An article of `n` distinct sentences about the same event, told by source `k`. */
function article(k: number, n: number, source = SOURCES[k % SOURCES.length]!.name): Item {
  const sentences = Array.from(
    { length: n },
    (_, j) =>
      `${PLACES[j % PLACES.length]} ${THINGS[(j + k) % THINGS.length]} 공장 ${j + 1}단계 투자가 ${k + 1}번째 보도에서 확인됐다.`,
  );
  return item({
    title: `한빛그룹 ${THINGS[k % THINGS.length]} 투자 확대 ${k + 1}보`,
    source,
    blocks: [p(sentences.join(' '))],
  });
}

describe('how much of a topic compose reads', () => {
  const articles = Array.from({ length: 10 }, (_, k) => prepareArticle(article(k, 60)));

  it('reads the best six articles: forty sentences of the best one and sixteen of each other', () => {
    const read = sentencesToRead(articles, () => true);
    expect(articlesToRead(articles)).toHaveLength(READ_ARTICLES);
    expect(new Set(read.map((r) => r.item))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(read.filter((r) => r.item === 0)).toHaveLength(READ_BEST_SENTENCES);
    for (let k = 1; k < READ_ARTICLES; k++) {
      const own = read.filter((r) => r.item === k);
      expect(own).toHaveLength(READ_SENTENCES);
      expect(own.map((r) => r.sentence.position)).toEqual(Array.from({ length: READ_SENTENCES }, (_, j) => j));
    }
  });

  it('does not count a sentence it was told to skip against the allowance', () => {
    const read = sentencesToRead(articles.slice(0, 2), (s) => s.position % 2 === 1);
    const second = read.filter((r) => r.item === 1).map((r) => r.sentence.position);
    expect(second).toHaveLength(READ_SENTENCES);
    expect(second[0]).toBe(1);
    expect(second.at(-1)).toBe(2 * READ_SENTENCES - 1);
  });

  it('composes a story of a sixty-item topic from its best articles and still credits every publisher', () => {
    const items = Array.from({ length: 60 }, (_, k) => article(k, 24));
    const input = composeInput({ topics: [topic('t-big', items)], items: new Map(items.map((i) => [i.id, i])) });
    const d = composeChecked(input);
    const story = d.stories[0]!;
    const best = new Set(items.slice(0, READ_ARTICLES).flatMap((i) => prepareArticle(i).sentences.map((s) => s.text)));
    for (const s of [...story.lead, ...story.why, ...story.sections.flatMap((x) => x.bullets)])
      expect(best.has(s), s).toBe(true);
    expect(story.why.length).toBeGreaterThanOrEqual(2);
    expect(story.sources.map((r) => r.publisher)).toEqual(SOURCES.map((s) => s.name));
  });
});

describe('sentence similarity', () => {
  const texts = [
    '정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다.',
    '전기차 보조금 축소로 소비자 부담이 늘어날 것으로 전망된다.',
    '날씨는 맑았다.',
    '',
    '정부는 전기차 보조금 예산을 충전소 확충에 돌리기로 했다.',
  ];
  const raw = texts.map(termVector);
  const idf = inverseDocumentFrequency(raw);
  const vectors = raw.map((v) => weighted(v, idf));

  it('builds a symmetric matrix of cosines with a zero diagonal', () => {
    const sim = similarityMatrix(vectors);
    for (let i = 0; i < texts.length; i++) {
      expect(sim[i]![i]).toBe(0);
      for (let j = 0; j < texts.length; j++) {
        if (i === j) continue;
        expect(sim[i]![j]).toBeCloseTo(cosine(vectors[i]!, vectors[j]!), 12);
        expect(sim[i]![j]).toBe(sim[j]![i]);
      }
    }
    expect(sim[0]![4]).toBeGreaterThan(0.1);
    expect(sim[3]!.every((x) => x === 0)).toBe(true);
  });

  it('picks by MMR exactly as the score-minus-redundancy rule says', () => {
    const sentences = Array.from(
      { length: 30 },
      (_, j) => `${PLACES[j % 7]} ${THINGS[j % 5]} 투자가 ${THINGS[(j * 3) % 10]} 수요와 함께 늘었다.`,
    );
    const scored = scoreCandidates(sentences.map((text, position) => ({ text, position, item: position % 3 })));
    const exclude = [0, 4];
    // The rule, written out: the best λ·score − (1 − λ)·max similarity to what is in place, one at a time.
    const lambda = 0.6;
    const placed = [...exclude];
    const open = scored
      .map((_, i) => i)
      .filter((i) => !placed.some((q) => i === q || cosine(scored[i]!.vector, scored[q]!.vector) >= 0.6));
    const values = open.map((i) => scored[i]!.score);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const expected: number[] = [];
    while (expected.length < 4 && open.length > 0) {
      let best = -1;
      let bestValue = -Infinity;
      for (const i of open) {
        const red = Math.max(0, ...placed.map((q) => cosine(scored[i]!.vector, scored[q]!.vector)));
        const v = lambda * ((scored[i]!.score - lo) / (hi - lo)) - (1 - lambda) * red;
        if (v > bestValue) [best, bestValue] = [i, v];
      }
      expected.push(best);
      placed.push(best);
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k] === best || cosine(scored[open[k]!]!.vector, scored[best]!.vector) >= 0.6) open.splice(k, 1);
      }
    }
    expect(mmrSelect(scored, 4, { exclude, lambda })).toEqual(expected);
  });
});

describe('sentences already in the issue', () => {
  it('recognizes an exact repeat and a near-repeat, and lets a different sentence through', () => {
    const used = new UsedSentences();
    expect(used.has('정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다.')).toBe(false);
    used.add('정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다.');
    used.add('서울 지하철 기본요금이 다음 달부터 150원 오른다.');
    expect(used.has('정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다.')).toBe(true);
    expect(used.has('정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다고 밝혔다.')).toBe(true);
    expect(used.has('정부는 전기차 보조금 예산을 충전소 확충에 돌리기로 했다.')).toBe(false);
    expect(used.vectorOf('날씨는 맑았다.')).toEqual(termVector('날씨는 맑았다.'));
  });
});

describe('an article whose feed gave only HTML', () => {
  it('reads its sentences from the HTML, one paragraph per block, without the link targets', () => {
    const html =
      '<p>정부가 반도체 지원법 시행령을 의결했다. 세액공제율은 25%로 오른다.</p><p><a href="https://x.example/a">국회는</a> 다음 달 후속 법안을 다룬다.</p>';
    const article = prepareArticle({ ...item({ title: '반도체 지원법 시행', blocks: [] }), html });
    expect(article.sentences.map((s) => s.text)).toEqual([
      '정부가 반도체 지원법 시행령을 의결했다.',
      '세액공제율은 25%로 오른다.',
      '국회는 다음 달 후속 법안을 다룬다.',
    ]);
  });
});
