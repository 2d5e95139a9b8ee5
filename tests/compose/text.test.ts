import { describe, expect, it } from 'vitest';
import { STEM_PARTICLES, stem, terms } from '../../src/compose/text.js';

describe('stems of Korean words', () => {
  it('strips the trailing particle', () => {
    expect(stem('반도체를')).toBe('반도체');
    expect(stem('정부로부터')).toBe('정부');
    expect(stem('서울에서는')).toBe('서울');
    expect(stem('한국은행이')).toBe('한국은행');
    expect(stem('Nvidia')).toBe('nvidia');
  });

  it('never strips a whole word', () => {
    expect(stem('은')).toBe('은');
    expect(stem('에서')).toBe('에서');
  });

  it('tries the particles longest first: none is a suffix of a particle listed after it', () => {
    STEM_PARTICLES.forEach((p, i) => {
      for (const later of STEM_PARTICLES.slice(i + 1))
        expect(later.endsWith(p), `${p} would hide ${later}`).toBe(false);
    });
  });

  it('strips the same particle as trying the list in order would, for every particle after any stem', () => {
    const inOrder = (w: string): string => STEM_PARTICLES.find((p) => w.length > p.length && w.endsWith(p)) ?? '';
    for (const head of ['정', '정부', '반도체', '한국은', '이', '로']) {
      for (const p of STEM_PARTICLES) {
        const w = head + p;
        const particle = inOrder(w);
        expect(stem(w), w).toBe(w.slice(0, w.length - particle.length));
      }
    }
  });

  it('gives words and Hangul bigrams as terms, without stopwords', () => {
    expect(terms('반도체를 생산했다')).toEqual(['반도체', '#반도', '#도체', '생산했다', '#생산', '#산했', '#했다']);
    expect(terms('밝혔다')).toEqual([]);
  });
});
