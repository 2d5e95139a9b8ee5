import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import type { ImagesMode, Item } from '../../src/types.js';
import { aiLaw, allItems, chipsBest, chipsSecond, chipsThird, composeInput, NEWSLETTER } from './fixtures.js';

const FAB = {
  url: 'https://img.hanbit.example.com/2026/03/fab.jpg',
  width: 1280,
  height: 720,
  alt: '반도체 공장 클린룸',
};
const PORT = { url: 'https://img.nuri.example.com/2026/03/port.jpg', width: 800, height: 450 };
const LAW = { url: 'https://img.techon.example.com/2026/03/ai-law.png', width: 960, height: 540 };

function withPictures(mode: ImagesMode) {
  const pictured = new Map<number, Item>(allItems.map((i) => [i.id, i]));
  pictured.set(chipsBest.id, { ...chipsBest, image: FAB });
  pictured.set(chipsSecond.id, { ...chipsSecond, image: PORT });
  pictured.set(aiLaw.id, { ...aiLaw, image: LAW });
  return composeIssue(composeInput({ items: pictured, newsletter: { ...NEWSLETTER, images: mode } }));
}

describe('story pictures in the draft', () => {
  it('shows the best article’s picture on the first top story only (lead), keeping the others to swap', () => {
    const d = withPictures('lead');
    const [chips, law] = d.stories;
    expect(chips?.image).toEqual({ ...FAB, publisher: '한빛일보' });
    // The second source's picture stays in the draft, its alt falling back to the headline.
    expect(chips?.images).toEqual([{ ...PORT, alt: chips?.headline, publisher: '누리경제' }]);
    expect(law?.image).toBeUndefined();
    expect(law?.images?.map((p) => p.url)).toEqual([LAW.url]);
  });

  it('shows a picture on each top story (stories), and none at all (none)', () => {
    expect(withPictures('stories').stories.map((s) => s.image?.url)).toEqual([FAB.url, LAW.url]);
    const none = withPictures('none');
    expect(none.stories.every((s) => s.image === undefined && s.images === undefined)).toBe(true);
  });

  it('has no picture when no article has one', () => {
    expect(composeIssue(composeInput()).stories.every((s) => s.image === undefined)).toBe(true);
  });
});

describe('alternative sentences in the draft', () => {
  const d = composeIssue(composeInput());
  const chips = d.stories[0]!;

  it('keeps the ranked sentences the story did not use, each with its publisher and link', () => {
    const alts = chips.alternatives ?? [];
    expect(alts.length).toBeGreaterThanOrEqual(2);
    const placed = [...chips.lead, ...chips.why, ...chips.sections.flatMap((s) => s.bullets)];
    const bodies = new Map(
      [chipsBest, chipsSecond, chipsThird].map((i) => [i.link, i.blocks.map((b) => b.text).join(' ')]),
    );
    for (const a of alts) {
      expect(placed).not.toContain(a.text);
      // Taken whole from the article it names.
      expect(bodies.get(a.url)).toContain(a.text);
      expect(['한빛일보', '누리경제', '테크온']).toContain(a.publisher);
    }
    expect(new Set(alts.map((a) => a.text)).size).toBe(alts.length);
  });

  it('never offers a sentence placed elsewhere in the issue', () => {
    const everywhere = new Set([
      ...d.stories.flatMap((s) => [...s.lead, ...s.why, ...s.sections.flatMap((x) => x.bullets)]),
      ...d.headlines.map((h) => h.text),
    ]);
    for (const s of d.stories) for (const a of s.alternatives ?? []) expect(everywhere.has(a.text)).toBe(false);
  });
});
