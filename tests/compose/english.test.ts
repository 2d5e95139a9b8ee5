import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/compose/checks.js';
import { composeIssue } from '../../src/compose/index.js';
import type { Draft } from '../../src/types.js';
import { isBackground } from '../../src/compose/dated.js';
import { articleKind } from '../../src/compose/kind.js';
import { sameStory } from '../../src/compose/same-story.js';
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

describe('background sentences', () => {
  it('should know a sentence dated only years before the issue', () => {
    const now = new Date('2022-02-04T07:00:00Z');
    expect(isBackground('Derby County won the First Division title in 1972 and 1975.', now)).toBe(true);
    expect(isBackground('The club, founded in 1884, went into administration in 2021.', now)).toBe(false);
    expect(isBackground('A rescue deal was agreed on Thursday.', now)).toBe(false);
    expect(isBackground('2019년 이후 처음으로 흑자를 냈다.', new Date('2026-11-16T00:00:00Z'))).toBe(true);
    expect(isBackground('The fund holds £1,975 million in bonds.', now)).toBe(false);
  });

  it('should not make one a headline', () => {
    const d = composeIssue(englishInput());
    expect(d.headlines.find((h) => h.topicId === 't-derby')?.text).toBe(
      'A rescue deal for the club was agreed on Thursday with the US businessman Chris Kirchner, the administrators said.',
    );
  });
});

describe('one story, one place, in English', () => {
  it('should not take two stories for one because they share ordinary words or a weekday', () => {
    const ferry = {
      title: 'Ferry operator cancels sailings as staff walk out',
      sentences: [
        'The operator cancelled all sailings on Friday after staff walked out over the sacking of workers, the union said.',
      ],
      urls: ['https://wiredaily.example.com/uk/ferry-sailings-cancelled'],
    };
    const airport = {
      title: 'Airport chief quits after weeks of delays',
      sentences: [
        'The managing director of the airport quit on Friday after weeks of delays for passengers, the operator said.',
      ],
      urls: ['https://northernpost.example.co.uk/news/airport-chief-quits'],
    };
    expect(sameStory(ferry, airport)).toBeUndefined();
    const ferry2 = {
      title: 'P&O Ferries sailings cancelled after sackings',
      sentences: [
        'P&O Ferries cancelled all sailings on Friday after staff walked out over the sacking of 800 workers.',
      ],
      urls: ['https://northernpost.example.co.uk/news/p-and-o-sailings'],
    };
    expect(sameStory({ ...ferry, title: 'P&O Ferries cancels sailings as staff walk out' }, ferry2)).toBeDefined();
  });
});
