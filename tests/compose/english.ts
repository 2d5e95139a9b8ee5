/**
 * English test data for compose: one story told by four outlets (a sketch that ranks first,
 * two news reports that state the same fact in their own words, an explainer), and a
 * headline topic whose best item opens with a dependent sentence.
 */
import type { ComposeInput } from '../../src/compose/index.js';
import type { Item, Labels, NewsletterConfig, SourceConfig } from '../../src/types.js';
import { item, p, topic } from './fixtures.js';

export const EN_SOURCES: SourceConfig[] = [
  { name: 'The Courier', url: 'https://www.courier.example.co.uk/rss', weight: 1, fullText: false },
  { name: 'Wire Daily', url: 'https://wiredaily.example.com/feed', weight: 1, fullText: false },
  { name: 'Northern Post', url: 'https://northernpost.example.co.uk/rss', weight: 1, fullText: false },
  { name: 'Money Desk', url: 'https://moneydesk.example.com/rss', weight: 1, fullText: false },
];

export const LABELS_EN: Labels = {
  titlePrefix: '[Briefing]',
  why: 'Why it matters',
  headlines: 'Headlines',
  moreSources: 'and {n} more',
  preheader: "Today's briefing: {headline} and {n} more",
  preheaderOne: "Today's briefing: {headline}",
};

export const EN_NEWSLETTER: NewsletterConfig = {
  title: 'Morning Briefing',
  locale: 'en',
  timezone: 'Europe/London',
  schedule: '0 7 * * *',
  catchUpGraceMs: 6 * 3_600_000,
  windowMs: 86_400_000,
  topStories: 1,
  headlines: 3,
  style: 'briefing',
  cadence: 'daily',
  images: 'lead',
};

export const EN_NOW = new Date('2022-02-04T07:00:00Z');

export const capSketch = item({
  title: 'A cold day in Hove as the price cap goes up | Polly Marsh',
  source: 'The Courier',
  link: 'https://www.courier.example.co.uk/politics/2022/feb/03/energy-price-cap-hove-sketch',
  publishedAt: '2022-02-03T18:40:00Z',
  blocks: [
    p(
      'By eleven o’clock the queue outside the Hove food bank stretched past the launderette and round the corner. Nobody in it had heard of the regulator, and nobody needed to.',
    ),
    p(
      'Ofgem raised the energy price cap by 54% on Thursday, adding about £693 a year to the average household bill from April. In Westminster the chancellor promised help; in Hove the talk was of coats worn indoors.',
    ),
  ],
});

export const capWire = item({
  title: 'Energy price cap to rise 54% in April, Ofgem says',
  source: 'Wire Daily',
  link: 'https://wiredaily.example.com/business/energy-price-cap-april-ofgem',
  publishedAt: '2022-02-03T11:05:00Z',
  blocks: [
    p(
      'The energy regulator Ofgem has raised the price cap on household energy bills by 54%, adding almost £700 a year to the average bill from April. The regulator said a record rise in wholesale gas prices left it no choice.',
    ),
    p(
      'The chancellor, Rishi Sunak, announced a £200 loan on energy bills and a £150 council tax rebate for most households. Charities warned that millions of families would still fall into fuel poverty.',
    ),
  ],
});

export const capPost = item({
  title: 'Household energy bills to jump as regulator lifts price cap',
  source: 'Northern Post',
  link: 'https://northernpost.example.co.uk/news/household-energy-bills-jump-price-cap',
  publishedAt: '2022-02-03T12:20:00Z',
  blocks: [
    p(
      'Household energy bills will rise by hundreds of pounds from April after the energy regulator Ofgem raised its cap on the price of household energy.',
    ),
    p(
      'Suppliers said the rise would hit pensioners hardest. The cap will be reviewed again in August, when analysts expect a further increase.',
    ),
  ],
});

export const capExplainer = item({
  title: 'What the energy price cap rise means for you',
  source: 'Money Desk',
  link: 'https://moneydesk.example.com/analysis/what-price-cap-rise-means',
  publishedAt: '2022-02-03T14:00:00Z',
  blocks: [
    p(
      'If you have never switched supplier, the chances are that your bill is set by the price cap. Here is what changes in April and what you can do about it.',
    ),
  ],
});

export const strikeNews = item({
  title: 'Rail strike called off after pay offer',
  source: 'Wire Daily',
  link: 'https://wiredaily.example.com/uk/rail-strike-called-off',
  publishedAt: '2022-02-03T16:00:00Z',
  blocks: [
    p(
      'The measure is part of a wider deal that ends a three-month dispute over pay and working conditions. The RMT union called off Saturday’s strike on the Northern network after the operator improved its pay offer.',
    ),
  ],
});

export const derbyNews = item({
  title: 'Derby County rescue deal agreed with US businessman',
  source: 'Northern Post',
  link: 'https://northernpost.example.co.uk/sport/derby-county-rescue-deal',
  publishedAt: '2022-02-03T19:30:00Z',
  blocks: [
    p(
      'Derby County were founder members of the Football League in 1888 and won the First Division title in 1972 and 1975. A rescue deal for the club was agreed on Thursday with the US businessman Chris Kirchner, the administrators said.',
    ),
  ],
});

export const englishItems: Item[] = [capSketch, capWire, capPost, capExplainer, strikeNews, derbyNews];

export function englishInput(over: Partial<ComposeInput> = {}): ComposeInput {
  return {
    issueId: '2022-02-04',
    topics: [
      topic('t-price-cap', [capSketch, capWire, capPost, capExplainer]),
      topic('t-rail-strike', [strikeNews]),
      topic('t-derby', [derbyNews]),
    ],
    items: new Map(englishItems.map((i) => [i.id, i])),
    newsletter: EN_NEWSLETTER,
    sources: EN_SOURCES,
    labels: LABELS_EN,
    now: EN_NOW,
    ...over,
  };
}
