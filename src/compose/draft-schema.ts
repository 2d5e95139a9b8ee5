/** The draft file's schema: what an editor may write, checked field by field. */
import { z } from 'zod';
import type { Draft } from '../types.js';

const text = z.string().refine((s) => s.trim().length > 0, { message: 'must not be empty' });

/** A sentence list; a single sentence written as plain text is accepted as a list of one. */
const sentences = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text));

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const link = z.string().refine(isHttpUrl, { message: 'must be an http(s) link like https://example.com/article' });
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
  message: 'must be a date-time like 2026-03-19T07:00:00+09:00',
});

/** 🖊 without its variation selector is the same marker. */
const marker = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '🖊' ? '🖊️' : v.trim()) : v),
  z.enum(['🖊️', '💡'], { message: 'must be 🖊️ (news) or 💡 (analysis, follow-up)' }),
);

/** Interest ids (config `interests:`); one id written as plain text is a list of one. */
const interests = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[,;]/)
          .map((x) => x.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, { message: 'must be interest ids like ai or chips' })),
);

export const sourceRefSchema = z.strictObject({
  publisher: text,
  publishedAt: isoTime,
  title: text,
  url: link,
});

export const sectionSchema = z.strictObject({
  heading: text,
  bullets: sentences,
});

const dimension = z.number().int().positive({ message: 'must be a whole number of pixels like 640' });

export const pictureSchema = z.strictObject({
  url: link,
  width: dimension.optional(),
  height: dimension.optional(),
  alt: z.string().optional(),
  publisher: z.string().optional(),
});

export const alternativeSchema = z.strictObject({
  text,
  publisher: text,
  url: link,
});

export const storySchema = z.strictObject({
  topicId: text,
  headline: text,
  marker,
  lead: sentences.pipe(z.array(z.string()).min(1, { message: 'needs at least one sentence' })),
  why: sentences.default([]),
  sections: z.array(sectionSchema).default([]),
  sources: z
    .array(sourceRefSchema)
    .min(1, { message: 'needs at least one source (publisher, publishedAt, title, url)' }),
  followUp: z.boolean().default(false),
  interests: interests.optional(),
  image: pictureSchema.optional(),
  images: z.array(pictureSchema).optional(),
  alternatives: z.array(alternativeSchema).optional(),
});

export const headlineSchema = z.strictObject({
  /** Written by compose; a headline added by hand goes without one (its link stands in). */
  topicId: text.optional(),
  title: text.optional(),
  text,
  url: link,
  publisher: text,
  interests: interests.optional(),
});

export const draftSchema = z
  .strictObject({
    version: z.literal(1, { message: 'must be 1' }),
    issueId: text,
    title: text,
    subject: z.string().optional(),
    preheader: z.string().default(''),
    newsletter: text,
    locale: z.enum(['ko', 'en'], { message: 'must be ko or en' }),
    style: z.enum(['briefing', 'digest', 'explainer'], { message: 'must be briefing, digest or explainer' }),
    asOf: isoTime,
    timezone: z.string().refine(isTimezone, { message: 'must be an IANA timezone like Asia/Seoul' }),
    stories: z.array(storySchema).default([]),
    headlines: z.array(headlineSchema).default([]),
    pins: z.array(text).default([]),
    blocks: z.array(text).default([]),
    note: z.string().optional(),
  })
  .transform(
    (d): Draft => ({
      ...d,
      subject: d.subject?.trim() ? d.subject : d.title,
      headlines: d.headlines.map(({ topicId, ...h }) => ({ ...h, topicId: topicId ?? h.url })),
    }),
  );

/** The fields of each part, for hints about unknown keys. */
export const FIELDS: Readonly<Record<string, readonly string[]>> = {
  draft: Object.keys(draftSchema.in.shape),
  story: Object.keys(storySchema.shape),
  section: Object.keys(sectionSchema.shape),
  source: Object.keys(sourceRefSchema.shape),
  headline: Object.keys(headlineSchema.shape),
  picture: Object.keys(pictureSchema.shape),
  alternative: Object.keys(alternativeSchema.shape),
};
