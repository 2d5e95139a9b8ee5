/**
 * Types that cross stages. Every stage takes and returns these plain shapes;
 * nothing here does I/O. See CONTEXT.md for the words.
 */

// ---------------------------------------------------------------- config

// Defined once, by the zod schema: every key, default and meaning is in src/config/schema.ts.
import type {
  InterestConfig,
  IssueStyle,
  Locale,
  NewsletterConfig,
  RankConfig,
  SourceConfig,
} from './config/schema.js';

export type {
  BriefingConfig,
  Cadence,
  CollectConfig,
  DeliveryConfig,
  BounceImapConfig,
  BouncesConfig,
  DkimConfig,
  InterestConfig,
  ImagesMode,
  IssueStyle,
  Locale,
  NewsletterConfig,
  RankConfig,
  SmtpConfig,
  SourceConfig,
} from './config/schema.js';

// ---------------------------------------------------------------- collect → store

/** An item's picture: an absolute https URL, its size in pixels when the feed or page says. */
export interface Picture {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  /** Alt text from the feed (media:description, the image's alt), if any. */
  alt?: string | undefined;
}

/** A block of an item's cleaned body, in document order. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'list-item' | 'quote';
  text: string;
}

/** One entry of a feed, cleaned and sanitized, as collect hands it to the store. */
export interface CollectedItem {
  source: string;
  guid: string;
  /** Absolute link as the feed gave it. */
  link: string;
  /** Link with tracking parameters removed; the dedup key beside guid. */
  canonicalLink: string;
  title: string;
  /** ISO 8601 UTC; clamped to the fetch time if in the future. */
  publishedAt: string;
  author?: string | undefined;
  /** Sanitized HTML (allowlist), absolute URLs. */
  html: string;
  /** Clean body text: boilerplate removed, one block per entry. */
  blocks: TextBlock[];
  /** The feed's categories of the entry (RSS <category>, Atom category term/label), plain text. */
  categories?: string[] | undefined;
  /** The item's picture (media:content/thumbnail, image enclosure, first large content image, og:image). */
  image?: Picture | undefined;
}

/** An item as the store keeps it. */
export interface Item extends CollectedItem {
  id: number;
  fetchedAt: string;
}

/** What a source line names of an item (a whole `Item` and a `RankDoc` both carry it). */
export type ListedItem = Pick<Item, 'source' | 'title' | 'link' | 'canonicalLink' | 'publishedAt'>;

/**
 * What ranking reads of a stored item (`rankDocOf` in src/opening.ts): no HTML, and
 * of the body only its opening and its length.
 */
export interface RankDoc
  extends Pick<
    Item,
    'id' | 'source' | 'link' | 'canonicalLink' | 'title' | 'publishedAt' | 'fetchedAt' | 'categories'
  > {
  /** The body's first paragraphs (headings skipped), about 400 characters in all. */
  opening: string[];
  /** Characters of body text, headings excluded. */
  bodyChars: number;
}

/**
 * `partial`: the source was read, but only in part (a cut-off document, markup the strict
 * parser refused, text that needed repair); the report's `error` says what was wrong.
 */
export type FetchStatus = 'ok' | 'partial' | 'not-modified' | 'failed' | 'skipped';

/** What one source's collection did, for the report and the store. */
export interface SourceReport {
  name: string;
  url: string;
  status: FetchStatus;
  newItems: number;
  /** Items the feed had (after dropping bad fragments). */
  seenItems: number;
  /** Bad fragments dropped, counted, never silent. */
  droppedItems: number;
  error?: string | undefined;
  healthy: boolean;
  ms: number;
}

/** Conditional-GET and health state kept per source. */
export interface SourceState {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  failures: number;
  /** ISO time before which the source is not fetched (Retry-After, backoff). */
  retryAfter?: string | undefined;
  lastError?: string | undefined;
  lastFetchedAt?: string | undefined;
}

// ---------------------------------------------------------------- rank

export interface ScoreExplain {
  /** 0..1, exponential decay of the topic's age. */
  recency: number;
  ageHours: number;
  /** Independent sources carrying the topic, weighted. */
  momentum: number;
  sourceCount: number;
  /** 0..1 (1 = new story); below 1 for follow-ups. */
  novelty: number;
  /** Title of the earlier topic this one follows up, if any. */
  followUpOf?: string | undefined;
  /** Mean source weight of the topic's sources. */
  weight: number;
  /** Editor pin bonus (0 when not pinned). */
  pin: number;
  /** The formula, written out with its numbers. */
  formula: string;
  /** Half-life used for recency, in hours. */
  halfLifeHours?: number | undefined;
  /** The independent sources counted in momentum, with their weights. */
  sources?: Array<{ name: string; weight: number }> | undefined;
  /** Similarity to the closest earlier sent topic, after fading by issues ago (0 = none). */
  similarity?: number | undefined;
  /** Issue id of the earlier topic this one follows up. */
  followUpIssue?: string | undefined;
  /** Selection: highest similarity to a topic chosen before it (what diversity weighed). */
  redundancy?: number | undefined;
}

export interface RankedItem {
  itemId: number;
  title: string;
  link: string;
  source: string;
  publishedAt: string;
  /** Near-duplicates of this item collapsed into it (item ids). */
  duplicates: number[];
}

export interface Topic {
  /** Stable id derived from the topic's first item. */
  id: string;
  title: string;
  score: number;
  explain: ScoreExplain;
  followUp: boolean;
  /** Best item first. */
  items: RankedItem[];
  /** Top centroid terms, kept with sent issues for novelty. */
  terms: string[];
  /** Ids of the interests the topic belongs to (only when the config defines interests). */
  interests?: string[] | undefined;
}

/** A topic as it was sent in an earlier issue (for novelty). */
export interface SentTopic {
  issueId: string;
  topicId: string;
  title: string;
  terms: string[];
  sentAt: string;
  /** 0 = latest issue, 1 = the one before, … */
  issuesAgo: number;
}

export interface RankInput {
  items: RankDoc[];
  sources: SourceConfig[];
  sent: SentTopic[];
  now: Date;
  newsletter: Pick<NewsletterConfig, 'windowMs' | 'topStories' | 'headlines' | 'cadence'>;
  rank: RankConfig;
  /** Editor's pins and blocks (topic ids or item links). */
  pins: string[];
  blocks: string[];
  /** Interests to tag the selected topics with (none: topics carry no `interests`). */
  interests?: readonly InterestConfig[] | undefined;
}

export interface RankResult {
  /** Selected topics, in issue order. */
  topics: Topic[];
  /** Topics considered but dropped, with why. */
  dropped: Array<{ topic: Topic; reason: string }>;
  /** Items considered (in window). */
  considered: number;
  /** How many of `topics` are top stories (the rest are headlines). */
  topStories?: number | undefined;
}

// ---------------------------------------------------------------- compose

export interface SourceRef {
  publisher: string;
  /** ISO time of the item. */
  publishedAt: string;
  title: string;
  url: string;
}

/** A story's picture as the draft keeps it: where it came from, and the alt text the email prints. */
export interface StoryPicture extends Picture {
  /** Publisher of the item the picture came from. */
  publisher?: string | undefined;
}

/** A sentence compose ranked for a story but did not use, kept so the editor can pick it instead. */
export interface Alternative {
  text: string;
  publisher: string;
  url: string;
}

export interface StorySection {
  heading: string;
  bullets: string[];
}

export interface Story {
  topicId: string;
  headline: string;
  marker: '🖊️' | '💡';
  /** 2–4 whole sentences. */
  lead: string[];
  /** 2–3 whole sentences: 왜 중요하냐면. */
  why: string[];
  /** 0–2 short-headed sections from the article's own subheadings. */
  sections: StorySection[];
  /** Best source first. */
  sources: SourceRef[];
  followUp: boolean;
  /** Interest ids of the story (from rank, editable); absent when the config defines no interests. */
  interests?: string[] | undefined;
  /** The picture the email shows under the headline, if any. */
  image?: StoryPicture | undefined;
  /** Other pictures of the topic's items, for swapping. */
  images?: StoryPicture[] | undefined;
  /** Ranked alternative sentences, best first, each with its source. */
  alternatives?: Alternative[] | undefined;
}

export interface HeadlineEntry {
  topicId: string;
  /** The linked item's cleaned title, shown before the sentences (absent: `text` is the title). */
  title?: string | undefined;
  /** One or two whole sentences of the linked item (or its cleaned title when it has none). */
  text: string;
  url: string;
  publisher: string;
  /** Interest ids, as on a story. */
  interests?: string[] | undefined;
}

/** The editable issue: compose writes it, an editor may change it, render reads it. */
export interface Draft {
  version: 1;
  issueId: string;
  /** `[브리핑] <top headline>` unless the editor sets one. */
  title: string;
  subject: string;
  preheader: string;
  newsletter: string;
  locale: Locale;
  style: IssueStyle;
  /** Reference time the issue was composed for (ISO). */
  asOf: string;
  timezone: string;
  stories: Story[];
  headlines: HeadlineEntry[];
  /** Editor's pins/blocks (topic ids or links), fed back to later ranking. */
  pins: string[];
  blocks: string[];
  /** One line above the stories, e.g. why a reader's variant is the whole issue. */
  note?: string | undefined;
}

// ---------------------------------------------------------------- render

export interface PreflightWarning {
  code: 'gmail-clip' | 'missing-alt' | 'bad-link' | 'image-width' | 'image-http' | 'image-count';
  message: string;
}

/** Rendered once per issue; per-recipient fields are placeholders filled by `personalize`. */
export interface RenderedIssue {
  issueId: string;
  subject: string;
  preheader: string;
  html: string;
  text: string;
  warnings: PreflightWarning[];
}

export interface Recipient {
  email: string;
  name?: string | undefined;
  unsubscribeUrl: string;
  /** The subscriber's settings page on the public site (needs newsletter.baseUrl). */
  preferencesUrl?: string | undefined;
  /** The subscriber's interest ids; empty or unset = the whole issue. */
  interests?: string[] | undefined;
}

// ---------------------------------------------------------------- deliver

export interface Subscriber {
  id: number;
  email: string;
  name?: string | undefined;
  /** Interest ids (config `interests:`); empty = the whole issue. */
  interests: string[];
  /** Edition ids (config `editions:`) the subscriber receives; empty = the first edition. */
  editions: string[];
  status: 'active' | 'unsubscribed' | 'bounced';
}

/** A message ready for a transport. Header values are plain strings; the transport encodes them. */
export interface OutgoingMessage {
  /** The issue this message carries (the outbox transport files it under outbox/<issueId>/). */
  issueId?: string | undefined;
  /** A test send outside the ledger (`send --to`). */
  test?: boolean | undefined;
  from: string;
  to: string;
  /** The envelope sender (SMTP MAIL FROM) when not the From address: a VERP address of delivery.returnPath. */
  returnPath?: string | undefined;
  replyTo?: string | undefined;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
  headers: Record<string, string>;
}

/** Where one (issue, subscriber) delivery stands. See CONTEXT.md: Delivery. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain';

/**
 * How far a claimed ('sending') delivery got: 'claimed' (no connection yet), 'connected'
 * (the envelope is being given, before DATA), 'data' (the server said 354 and the message
 * is being written), 'dot' (the final dot is about to be or has been written, no answer
 * recorded yet). Only 'dot' can have reached the server; a resume sends the others again.
 */
export type DeliveryPhase = 'claimed' | 'connected' | 'data' | 'dot';

export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained' | 'manual';

/** One row of the delivery ledger. */
export interface DeliveryRow {
  issueId: string;
  subscriberId: number;
  email: string;
  status: DeliveryStatus;
  /** How far a 'sending' row got, and where an 'uncertain' or resumed one stopped. */
  phase?: DeliveryPhase | undefined;
  attempts: number;
  messageId?: string | undefined;
  error?: string | undefined;
  claimedAt?: string | undefined;
  finishedAt?: string | undefined;
}

export interface SendSummary {
  sent: number;
  skipped: number;
  failed: number;
  uncertain: number;
}

// ---------------------------------------------------------------- infrastructure

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Labels from a locale file (templates/locales/<locale>.yaml), e.g. `why: 왜 중요하냐면`. */
export type Labels = Record<string, string>;

// ---------------------------------------------------------------- schedule ↔ store

/**
 * An issue slot runs collect → compose → deliver; a collect slot only collects. With
 * editions each edition's slots are their own kind, `issue:<edition>`.
 */
export type RunKind = 'issue' | 'collect' | `issue:${string}`;

/** Whether a run kind composes and delivers an issue (`issue`, or `issue:<edition>` with editions). */
export function isIssueKind(kind: RunKind): boolean {
  return kind === 'issue' || kind.startsWith('issue:');
}

/** The edition of an issue run kind (`issue:weekly` → `weekly`), undefined for `issue` and `collect`. */
export function editionOfKind(kind: RunKind): string | undefined {
  return kind.startsWith('issue:') ? kind.slice('issue:'.length) : undefined;
}

export type SlotStatus =
  /** Claimed and in progress (or its process died: see `interruptRunning`). */
  | 'running'
  /** Finished; an issue was composed and delivered. */
  | 'done'
  /** Finished; nothing new to compose. */
  | 'nothing-new'
  /** Finished, but some deliveries failed or are uncertain. */
  | 'partial'
  | 'failed'
  /** Stopped before it finished; resumed on the next start if still within the grace period. */
  | 'interrupted'
  /** Not run: another run was in progress (collect slots only). */
  | 'skipped'
  /** Not run: nothing was running at the time and the grace period had passed. */
  | 'missed';

export interface SlotRecord {
  kind: RunKind;
  /** ISO instant of the slot: the key. */
  slot: string;
  status: SlotStatus;
  issueId?: string | undefined;
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  error?: string | undefined;
}

/** One attempt at a slot (a resumed slot has two). */
export interface RunRecord {
  id: number;
  kind: RunKind;
  slot: string;
  startedAt: string;
  finishedAt?: string | undefined;
  outcome?: SlotStatus | undefined;
  ms?: number | undefined;
  issueId?: string | undefined;
  error?: string | undefined;
  resumed?: boolean | undefined;
}

export interface LockHolder {
  /** Unique per process start: host, pid and a random part. */
  holder: string;
  pid: number;
  host: string;
}

export interface LockInfo extends LockHolder {
  name: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export type LockResult =
  | { acquired: true; tookOver?: { from: LockInfo; reason: string } | undefined }
  | { acquired: false; held: LockInfo };

export type ClaimResult =
  | { claimed: true; runId: number; resumed: boolean }
  | { claimed: false; reason: 'taken'; status: SlotStatus }
  | { claimed: false; reason: 'lock-lost' };

export interface SlotResult {
  status: SlotStatus;
  issueId?: string | undefined;
  error?: string | undefined;
  ms?: number | undefined;
  /** Extra facts for the run record (delivery counts, …). */
  detail?: Record<string, unknown> | undefined;
}
