/** Builders for ranking test data: items, sources, configs and inputs with a fixed clock. */
import { tmpdir } from 'node:os';
import { resolveConfig } from '../../src/config/index.js';
import { rankDocOf } from '../../src/opening.js';
import type { Item, RankConfig, RankInput, SentTopic, SourceConfig, TextBlock } from '../../src/types.js';

export const NOW = new Date('2026-11-23T07:00:00+09:00');
const HOUR = 3_600_000;

let nextId = 1000;

export interface ItemSpec {
  id?: number;
  title: string;
  body?: string | string[];
  source?: string;
  /** Hours before `now`. */
  h?: number;
  link?: string;
  now?: Date;
  /** The feed's categories of the item. */
  categories?: string[];
}

export function item(spec: ItemSpec): Item {
  const id = spec.id ?? nextId++;
  const now = spec.now ?? NOW;
  const paragraphs = spec.body === undefined ? [] : Array.isArray(spec.body) ? spec.body : [spec.body];
  const blocks: TextBlock[] = paragraphs.map((text) => ({ kind: 'paragraph', text }));
  const link = spec.link ?? `https://news.example.com/${id}`;
  const at = new Date(now.getTime() - (spec.h ?? 1) * HOUR).toISOString();
  return {
    id,
    source: spec.source ?? '연합뉴스',
    guid: link,
    link,
    canonicalLink: link,
    title: spec.title,
    publishedAt: at,
    fetchedAt: at,
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    blocks,
    ...(spec.categories ? { categories: spec.categories } : {}),
  };
}

export function sources(...specs: Array<[name: string, weight?: number]>): SourceConfig[] {
  return specs.map(([name, weight]) => ({
    name,
    url: `https://${encodeURIComponent(name)}.example.com/rss`,
    weight: weight ?? 1,
    fullText: false,
  }));
}

/** The defaults of src/config for a cadence (resolveConfig reads no disk). */
function defaults(cadence: 'daily' | 'weekly'): RankConfig {
  return resolveConfig({ sources: [{ name: 'x', url: 'x.xml' }], newsletter: { cadence } }, tmpdir()).rank;
}

export function weeklyRank(over: Partial<RankConfig> = {}): RankConfig {
  return { ...defaults('weekly'), ...over };
}

export function dailyRank(over: Partial<RankConfig> = {}): RankConfig {
  return { ...defaults('daily'), ...over };
}

export interface InputSpec {
  items: Item[];
  sources?: SourceConfig[];
  sent?: SentTopic[];
  now?: Date;
  windowMs?: number;
  topStories?: number;
  headlines?: number;
  cadence?: 'daily' | 'weekly';
  rank?: Partial<RankConfig>;
  pins?: string[];
  blocks?: string[];
}

export function input(spec: InputSpec): RankInput {
  const cadence = spec.cadence ?? 'weekly';
  return {
    items: spec.items.map(rankDocOf),
    sources: spec.sources ?? [],
    sent: spec.sent ?? [],
    now: spec.now ?? NOW,
    newsletter: {
      windowMs: spec.windowMs ?? (cadence === 'weekly' ? 7 : 2) * 24 * HOUR,
      topStories: spec.topStories ?? 3,
      headlines: spec.headlines ?? 8,
      cadence,
    },
    rank: cadence === 'weekly' ? weeklyRank(spec.rank) : dailyRank(spec.rank),
    pins: spec.pins ?? [],
    blocks: spec.blocks ?? [],
  };
}
