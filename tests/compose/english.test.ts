import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/compose/checks.js';
import { composeIssue } from '../../src/compose/index.js';
import type { Draft } from '../../src/types.js';
import { articleKind } from '../../src/compose/kind.js';
import { restatesFact } from '../../src/compose/restate.js';
import {
  capExplainer,
  capPost,
  capSketch,
  capWire,
  EN_SOURCES,
  englishInput,
  englishItems,
  strikeNews,
} from './english.js';
import { topic } from './fixtures.js';

describe('an English story told by several outlets', () => {
  const draft = composeIssue(englishInput());
  const story = draft.stories[0];

  it('should lead with the news report, not the sketch that ranks first', () => {
    expect(story?.lead[0]).toBe(
      'The energy regulator Ofgem has raised the price cap on household energy bills by 54%, adding almost £700 a year to the average bill from April.',
    );
    expect(story?.headline).toBe('Energy price cap to rise 54% in April, Ofgem says');
    expect(story?.sources[0]?.publisher).toBe('Wire Daily');
    expect(story?.sources[0]?.url).toBe(capWire.link);
    expect(story?.sources.map((s) => s.publisher)).toEqual([
      'Wire Daily',
      'The Courier',
      'Northern Post',
      'Money Desk',
    ]);
  });

  it('should not take bullets from the sketch once a news report leads', () => {
    const sketch = capSketch.blocks.map((b) => b.text).join(' ');
    for (const bullet of story?.why ?? []) expect(sketch).not.toContain(bullet);
    expect(story?.why.length).toBeGreaterThanOrEqual(2);
  });

  it('should keep the best item when no item is a news report', () => {
    const d = composeIssue(englishInput({ topics: [topic('t-views', [capSketch, capExplainer])] }));
    expect(d.stories[0]?.sources[0]?.publisher).toBe('The Courier');
  });

  it('should not give a bullet that restates the lead in another outlet’s words', () => {
    expect(story?.why).not.toContain(
      'Household energy bills will rise by hundreds of pounds from April after the energy regulator Ofgem raised its cap on the price of household energy.',
    );
    const said = [...(story?.lead ?? []), ...(story?.why ?? [])];
    for (let i = 0; i < said.length; i++) {
      for (let j = i + 1; j < said.length; j++) expect(restatesFact(said[i] ?? '', said[j] ?? '')).toBe(false);
    }
  });

  it('should tell one fact in two outlets’ words from two facts of one story', () => {
    expect(restatesFact(capWire.blocks[0]?.text.split('. ')[0] ?? '', capPost.blocks[0]?.text ?? '')).toBe(true);
    expect(
      restatesFact(
        'The chancellor, Rishi Sunak, announced a £200 loan on energy bills and a £150 council tax rebate for most households.',
        'The energy regulator Ofgem has raised the price cap on household energy bills by 54%.',
      ),
    ).toBe(false);
  });
});

describe('the kind of an item', () => {
  const kind = (link: string, title = 'A title'): string => articleKind({ link, title }, ['The Courier']);

  it('should read sketches, columns, live blogs, analysis, reviews and features from the link', () => {
    expect(kind('https://www.courier.example.co.uk/politics/2022/feb/03/pmqs-johnson-starmer-sketch')).toBe('sketch');
    expect(kind('https://www.courier.example.co.uk/commentisfree/2022/feb/03/price-cap-energy')).toBe('opinion');
    expect(kind('https://www.nyt.example.com/2022/02/03/opinion/energy-prices.html')).toBe('opinion');
    expect(kind('https://www.courier.example.co.uk/politics/live/2022/feb/03/uk-politics-live-energy')).toBe('live');
    expect(kind('https://www.bbc.example.co.uk/news/analysis/energy-cap-explained')).toBe('analysis');
    expect(kind('https://www.courier.example.co.uk/tv-and-radio/2022/feb/03/the-tourist-review')).toBe('review');
    expect(kind('https://www.nyt.example.com/2022/02/03/well/live/sleep-tips.html')).toBe('news');
  });

  it('should read labels and a columnist’s byline from the title', () => {
    const link = 'https://www.courier.example.co.uk/news/1';
    expect(kind(link, 'The Courier view on the price cap: help households now')).toBe('opinion');
    expect(kind(link, 'Energy bills are a scandal | Letters')).toBe('opinion');
    expect(kind(link, 'The price cap has failed the poorest | Polly Marsh')).toBe('opinion');
    expect(kind(link, 'Price cap rise announced | The Courier')).toBe('news');
    expect(kind(link, '[사설] 에너지 요금 인상, 취약계층 대책부터')).toBe('opinion');
    expect(kind(link, 'Energy price cap to rise 54% in April, Ofgem says')).toBe('news');
  });
});

describe('the issue checker over an English issue', () => {
  const clean = composeIssue(englishInput());
  const check = (d: Draft) => checkIssue({ draft: d, items: englishItems, sources: EN_SOURCES });
  const edited = (change: (d: Draft) => void): Draft => {
    const d = structuredClone(clean);
    change(d);
    return d;
  };

  it('should find nothing in the composed issue', () => {
    expect(check(clean).faults).toEqual([]);
  });

  it('should never take a dek that leans on its title for a headline', () => {
    expect(clean.headlines[0]?.text).toBe(
      'The RMT union called off Saturday’s strike on the Northern network after the operator improved its pay offer.',
    );
    const d = edited((x) => {
      x.headlines[0]!.text =
        'The measure is part of a wider deal that ends a three-month dispute over pay and working conditions.';
    });
    expect(check(d).faults.map((f) => `${f.kind} ${f.where} ${f.detail}`)).toEqual([
      'dependent headline 1 definite reference',
    ]);
    expect(strikeNews.blocks[0]?.text.startsWith(d.headlines[0]?.text ?? '-')).toBe(true);
  });

  it('should count a caption, a restated bullet and a feature lead', () => {
    const d = edited((x) => {
      const story = x.stories[0]!;
      story.why[0] =
        'Household energy bills will rise by hundreds of pounds from April after the energy regulator Ofgem raised its cap on the price of household energy.';
      story.why[1] = 'Pensioners queueing outside a food bank in Hove on Thursday.';
      story.sources = [story.sources[1]!, story.sources[0]!, ...story.sources.slice(2)];
    });
    const c = check(d);
    expect(c.counts).toMatchObject({ caption: 1, restated: 1, featureLead: 1 });
    expect(c.faults.find((f) => f.kind === 'featureLead')?.detail).toBe(
      `a sketch (${capSketch.link}) leads; ${capWire.link} reports the event`,
    );
  });
});
