/**
 * The data the templates see: the draft, cleaned. Pure.
 *
 * Feed text becomes one-line plain strings (templates escape them); links that are not
 * absolute http(s) URLs become '' so no template can print them; recipient fields are
 * placeholder tokens filled later by `personalize`.
 */
import type { Draft, HeadlineEntry, IssueStyle, Labels, Locale, SourceRef, Story } from '../types.js';
import { checkTimezone, httpUrl, oneLine } from './format.js';
import { placeholder, stripPlaceholders } from './placeholders.js';
import { issueWebUrl } from '../links.js';

export interface SourceView {
  publisher: string;
  publishedAt: string;
  title: string;
  /** Absolute http(s) URL or ''. */
  url: string;
}

/** A story's picture as the templates print it. */
export interface PictureView {
  /** Absolute http(s) URL (never '' : a story without one has no picture). */
  url: string;
  /** Pixels the email shows it at: its own width up to PICTURE_MAX_WIDTH, else the full column. */
  width: number;
  /** Its own size, when the draft says (0 when unknown). */
  naturalWidth: number;
  naturalHeight: number;
  /** The feed's alt text, else the headline. */
  alt: string;
}

/** The widest a picture is shown: the email's content column. */
export const PICTURE_MAX_WIDTH = 536;

export interface StoryView {
  topicId: string;
  headline: string;
  marker: string;
  lead: string[];
  why: string[];
  sections: Array<{ heading: string; bullets: string[] }>;
  followUp: boolean;
  /** The best source, if any. */
  source: SourceView | undefined;
  /** The other sources, best first. */
  others: SourceView[];
  /** Absolute http(s) URL of the best source or ''. */
  url: string;
  /** The picture under the headline, if the draft gives one. */
  image: PictureView | undefined;
}

export interface HeadlineView {
  topicId: string;
  /** The item's title before the sentences; '' when the entry is its title alone. */
  title: string;
  text: string;
  url: string;
  publisher: string;
}

export interface IssueView {
  issueId: string;
  style: IssueStyle;
  locale: Locale;
  timezone: string;
  asOf: string;
  newsletter: string;
  title: string;
  /** The title for the top of the page: '' when it only repeats the first story's headline. */
  headerTitle: string;
  subject: string;
  preheader: string;
  /** Public page of this issue ('' without a base URL). */
  webUrl: string;
  stories: StoryView[];
  headlines: HeadlineView[];
  /** One line for the reader above the stories ('' when none), e.g. why their variant is the whole issue. */
  note: string;
  /** Placeholder tokens, filled per recipient. */
  /** `preferencesUrl` is '' without a base URL (no public site to point at). */
  recipient: { unsubscribeUrl: string; preferencesUrl: string; name: string; email: string };
  labels: Labels;
}

export interface ViewOptions {
  labels: Labels;
  style?: IssueStyle | undefined;
  baseUrl?: string | undefined;
}

/** Untrusted text as one clean line. */
export function clean(text: unknown): string {
  return typeof text === 'string' ? oneLine(stripPlaceholders(text)) : '';
}

function cleanList(list: readonly unknown[] | undefined): string[] {
  return (list ?? []).map(clean).filter((s) => s.length > 0);
}

function sourceView(s: SourceRef): SourceView {
  return {
    publisher: clean(s.publisher),
    publishedAt: clean(s.publishedAt),
    title: clean(s.title),
    url: httpUrl(s.url),
  };
}

function pictureView(p: Story['image'], headline: string): PictureView | undefined {
  const url = httpUrl(p?.url);
  if (!p || !url) return undefined;
  const naturalWidth = Number.isInteger(p.width) && (p.width ?? 0) > 0 ? (p.width ?? 0) : 0;
  const naturalHeight = Number.isInteger(p.height) && (p.height ?? 0) > 0 ? (p.height ?? 0) : 0;
  return {
    url,
    width: naturalWidth > 0 ? Math.min(naturalWidth, PICTURE_MAX_WIDTH) : PICTURE_MAX_WIDTH,
    naturalWidth,
    naturalHeight,
    alt: clean(p.alt) || headline,
  };
}

function storyView(s: Story): StoryView {
  const sources = (s.sources ?? []).map(sourceView);
  const [source, ...others] = sources;
  const headline = clean(s.headline);
  return {
    topicId: clean(s.topicId),
    headline: clean(s.headline),
    marker: clean(s.marker),
    lead: cleanList(s.lead),
    why: cleanList(s.why),
    sections: (s.sections ?? [])
      .map((sec) => ({ heading: clean(sec.heading), bullets: cleanList(sec.bullets) }))
      .filter((sec) => sec.bullets.length > 0),
    followUp: s.followUp === true,
    source,
    others,
    url: source?.url ?? '',
    image: pictureView(s.image, headline),
  };
}

function headlineView(h: HeadlineEntry): HeadlineView {
  return {
    topicId: clean(h.topicId),
    title: clean(h.title ?? ''),
    text: clean(h.text),
    url: httpUrl(h.url),
    publisher: clean(h.publisher),
  };
}

export function buildView(draft: Draft, opts: ViewOptions): IssueView {
  checkTimezone(draft.timezone);
  const issueId = clean(draft.issueId);
  const stories = draft.stories.map(storyView);
  const title = clean(draft.title);
  const top = stories[0]?.headline ?? '';
  const repeatsTop = top !== '' && (title === top || title === oneLine(`${opts.labels.titlePrefix ?? ''} ${top}`));
  return {
    issueId,
    style: opts.style ?? draft.style,
    locale: draft.locale,
    timezone: draft.timezone,
    asOf: clean(draft.asOf),
    newsletter: clean(draft.newsletter),
    title,
    headerTitle: repeatsTop ? '' : title,
    subject: clean(draft.subject),
    preheader: clean(draft.preheader),
    webUrl: httpUrl(issueWebUrl(opts.baseUrl, issueId)),
    stories,
    headlines: draft.headlines.map(headlineView),
    note: clean(draft.note ?? ''),
    recipient: {
      unsubscribeUrl: placeholder('unsubscribe-url'),
      preferencesUrl: httpUrl(opts.baseUrl) ? placeholder('preferences-url', '#') : '',
      name: placeholder('name', opts.labels.reader ?? ''),
      email: placeholder('email'),
    },
    labels: opts.labels,
  };
}
