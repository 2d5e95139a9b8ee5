/**
 * The config, defined once: every key, its check, its default and its one-line meaning
 * (`.describe`). The types (`BriefingConfig` and its parts) are the schema's output, so
 * adding a key is one edit here; `docs/config.md` is generated from this file
 * (`npm run docs:config`, checked by tests/config/docs.test.ts).
 *
 * A few keys change name on the way through, to carry their unit: durations become
 * milliseconds (`window` → `windowMs`, `collect.timeout` → `timeoutMs`, …).
 */
import { z } from 'zod';
import { parseDuration } from '../util/duration.js';

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Five or six cron fields, each made of the characters cron allows.
const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;
function isCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
}

const duration = z
  .union([z.string(), z.number()])
  .refine((v) => parseDuration(v) !== undefined, {
    message: 'is not a duration; write it like 7d, 36h or 90m',
  })
  .transform((v) => parseDuration(v) ?? 0)
  .meta({ format: 'duration' });

const cron = z
  .string()
  .refine(isCron, {
    message: 'is not a cron expression; write five fields like "0 7 * * 1" (07:00 every Monday)',
  })
  .meta({ format: 'cron' });

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), {
    message: 'is not a date-time; write it like 2026-11-23T07:00:00+09:00',
  })
  .meta({ format: 'date-time' });

export const sourceSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').describe('Display name, shown as the publisher in source lines'),
  url: z
    .string()
    .min(1, 'must be an http(s) URL or a file path')
    .describe("http(s) URL of the feed, or a file path (resolved against the config file's folder)"),
  weight: z
    .number()
    .positive('must be a positive number like 1 or 1.5')
    .default(1)
    .describe('Weight of this source in ranking (1 = normal)'),
  fullText: z.boolean().default(false).describe("Fetch each item's article page (for feeds that carry only a summary)"),
});

export const newsletterSchema = z
  .strictObject({
    title: z.string().min(1).default('테크 브리핑').describe('Name of the newsletter, in the subject and the masthead'),
    locale: z.enum(['ko', 'en']).default('ko').describe('Language of the labels and the composing rules'),
    timezone: z
      .string()
      .refine(isTimezone, { message: 'is not an IANA timezone; use a name like Asia/Seoul or Europe/Berlin' })
      .default('Asia/Seoul')
      .describe('IANA timezone of the schedule, issue ids, slots and dates in source lines'),
    schedule: cron.default('0 7 * * 1').describe('Cron expression (5 or 6 fields) of the issue slots'),
    collectSchedule: cron.optional().describe('Cron expression of extra collection-only slots (e.g. hourly)'),
    catchUpGrace: duration
      .prefault('6h')
      .describe('On start, the latest missed issue slot runs once if it is at most this old'),
    window: duration.prefault('7d').describe('Items older than this, before the reference time, are not ranked'),
    topStories: z.number().int().min(1).max(10).default(3).describe('How many top stories an issue leads with'),
    headlines: z.number().int().min(0).max(30).default(8).describe('How many one-line headlines follow them'),
    style: z
      .enum(['briefing', 'digest', 'explainer'])
      .default('briefing')
      .describe('Layout of the issue (`templates/<style>.mjml`)'),
    cadence: z
      .enum(['daily', 'weekly'])
      .default('weekly')
      .describe("How often issues go out; sets the defaults of rank's halfLifeHours and maxAge"),
    asOf: isoTime
      .optional()
      .describe(
        'Pinned reference time of rank and compose (the bundled samples use it); fetches and deliveries always use the real time',
      ),
    baseUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL like https://news.example.com' })
      .optional()
      .describe('Public address of `briefing serve` and the archive, for unsubscribe and view-online links'),
    images: z
      .enum(['lead', 'stories', 'none'])
      .default('lead')
      .describe('Which top stories show their picture: the first (lead), each (stories) or none'),
  })
  .transform(({ catchUpGrace, window, ...n }) => ({ ...n, catchUpGraceMs: catchUpGrace, windowMs: window }));

const envName = (example: string) =>
  z.string().regex(/^[A-Z_][A-Z0-9_]*$/, `must name an environment variable like ${example}`);

export const smtpSchema = z.strictObject({
  host: z.string().min(1).describe('SMTP server host name'),
  port: z.number().int().min(1).max(65535).default(587).describe('SMTP server port'),
  secure: z.boolean().default(false).describe('TLS from the first byte (port 465); false uses STARTTLS when offered'),
  user: z.string().optional().describe('SMTP user name'),
  passwordEnv: envName('SMTP_PASSWORD')
    .optional()
    .describe('Environment variable holding the SMTP password (secrets never sit in the file)'),
  pool: z.boolean().default(true).describe('Keep connections open and reuse them across messages'),
  maxConnections: z.number().int().min(1).max(50).default(5).describe('Connections open at once, at most'),
  rateLimit: z.number().min(0).default(0).describe('Messages per second, at most (0 = unlimited)'),
  retries: z.number().int().min(0).max(10).default(3).describe('Retries of a temporary failure per message'),
});

export const dkimSchema = z.strictObject({
  domainName: z.string().min(1).describe('Domain the DKIM signature is for'),
  keySelector: z.string().min(1).describe('DKIM selector (the DNS record `<selector>._domainkey.<domain>`)'),
  privateKeyEnv: envName('DKIM_KEY').describe('Environment variable holding the PEM private key'),
});

/**
 * One mailbox, `Name <user@host>` or `user@host`: no line breaks (they would start a new
 * header), no second address and no address group (`,`, `;` or `:` outside the quoted name).
 */
const mailbox = z
  .string()
  .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line: a line break in it would start a new header' })
  .refine(
    (v) => {
      const outside = v.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      if (/[,;:]/.test(outside.replace(/<[^<>]*>/g, '<>'))) return false;
      return /^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/.test(v.trim());
    },
    { message: 'must be one address, like "브리핑 <briefing@example.com>" (no list, no group)' },
  );

export const bouncesSchema = z
  .strictObject({
    imap: z
      .strictObject({
        host: z.string().min(1).describe('IMAP server host name'),
        port: z.number().int().min(1).max(65535).default(993).describe('IMAP server port'),
        secure: z
          .boolean()
          .default(true)
          .describe('TLS from the first byte (port 993); false uses STARTTLS when offered'),
        user: z.string().min(1).describe('IMAP user name'),
        passwordEnv: envName('BOUNCE_PASSWORD').describe('Environment variable holding the IMAP password'),
        mailbox: z.string().min(1).default('INBOX').describe('The folder bounces arrive in'),
      })
      .optional()
      .describe('Read the bounce mailbox over IMAP'),
    maildir: z
      .string()
      .min(1)
      .optional()
      .describe("Read a local Maildir folder instead (resolved against the config file's folder)"),
    processedFolder: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, 'must be a folder name like processed')
      .default('processed')
      .describe('Where processed reports are moved (an IMAP folder, or a Maildir++ subfolder); unreadable ones stay'),
    softBounceLimit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe('Soft bounces on this many issues in a row suppress the address'),
  })
  .refine((b) => (b.imap === undefined) !== (b.maildir === undefined), {
    message: 'needs exactly one of imap: { host, user, passwordEnv, … } or maildir: <folder>',
  });

export const deliverySchema = z.strictObject({
  transport: z
    .enum(['outbox', 'smtp'])
    .default('outbox')
    .describe("Where deliveries go: .eml files in the issue's outbox folder, or an SMTP server"),
  from: mailbox.default('브리핑 <briefing@example.com>').describe('From: header of every message'),
  replyTo: mailbox.optional().describe('Reply-To: header, if replies go elsewhere'),
  smtp: smtpSchema.optional().describe('The SMTP server (with transport: smtp)'),
  dkim: dkimSchema.optional().describe('DKIM signing of outgoing messages'),
  unsubscribeMailto: z.string().optional().describe('mailto address offered in List-Unsubscribe beside the link'),
  unsubscribeSecretEnv: z
    .string()
    .default('BRIEFING_SECRET')
    .describe(
      'Environment variable holding the secret that signs unsubscribe links (else `<data>/unsubscribe.secret`)',
    ),
  returnPath: z
    .string()
    .regex(/^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/, 'must be a bare address like bounce@example.com')
    .optional()
    .describe(
      'Envelope sender of every delivery, as `<local>+<delivery token>@<domain>` (VERP), so a bounce names its delivery',
    ),
  bounces: bouncesSchema.optional().describe('The mailbox bounces and complaints arrive in (`briefing bounces`)'),
});

export const rankSchema = z
  .strictObject({
    halfLifeHours: z
      .number()
      .positive()
      .optional()
      .describe('Half-life of recency decay in hours (default 72 weekly, 18 daily)'),
    clusterThreshold: z.number().min(0).max(1).default(0.2).describe('Similarity at which an item joins a topic'),
    duplicateThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .describe('Similarity above which two items are near-duplicates'),
    rehashThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe('Similarity to an earlier sent topic above which a topic is a rehash (dropped)'),
    followUpThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe('Similarity to an earlier sent topic above which a topic is a follow-up'),
    noveltyIssues: z.number().int().min(0).default(4).describe('How many earlier issues novelty looks back on'),
    maxPerSource: z.number().int().min(1).default(4).describe('Stories from one source in an issue, at most'),
    mmrLambda: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe('Trade-off of the diverse selection between score (1) and diversity (0)'),
    maxAge: duration.optional().describe('Topics older than this are not ranked (default 14d weekly, 3d daily)'),
    aliases: z
      .array(z.array(z.string().min(1)).min(2, 'an alias group needs two or more words'))
      .default([])
      .describe('Extra alias groups, like `[[루빈, rubin]]`; the words of a group count as one term'),
  })
  .transform(({ maxAge, ...r }) => ({ ...r, maxAgeMs: maxAge }));

export const collectSchema = z
  .strictObject({
    timeout: duration.prefault('20s').describe('Longest a whole fetch of one source may take'),
    connectTimeout: duration.prefault('5s').describe('Longest wait for a connection'),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024)
      .describe('Largest feed or page read, in bytes'),
    maxRedirects: z.number().int().min(0).max(20).default(5).describe('Redirects followed per fetch, at most'),
    concurrency: z.number().int().min(1).max(64).default(8).describe('Sources fetched at once'),
    userAgent: z
      .string()
      .default('briefing/0.1 (+https://github.com/briefing; newsletter composer)')
      .describe('User-Agent header of every fetch'),
    unhealthyAfter: z
      .number()
      .int()
      .min(1)
      .default(5)
      .describe('Failures in a row after which a source is unhealthy and retried only after backoff'),
  })
  .transform(({ timeout, connectTimeout, ...c }) => ({ ...c, timeoutMs: timeout, connectTimeoutMs: connectTimeout }));

export const interestSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be a short key like ai or semiconductors; use a-z, 0-9, - and _')
    .describe("Short key subscribers name in their CSV's interests column, e.g. `ai`"),
  label: z.string().min(1, 'must not be empty').describe('Name shown to readers, e.g. `AI` (also accepted in the CSV)'),
  match: z
    .array(z.string().trim().min(1, 'must not be empty'))
    .default([])
    .describe("Words or phrases that put a story in this interest, read by ranking's tokenizer and aliases"),
  categories: z
    .array(z.string().trim().min(1, 'must not be empty'))
    .default([])
    .describe('Feed categories (RSS `<category>`, Atom `category`) that put a story in this interest'),
});

const interestsSchema = z
  .array(interestSchema)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((it, i) => {
      if (seen.has(it.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `repeats the interest id "${it.id}"; give each interest its own id`,
        });
      }
      seen.add(it.id);
      if (it.match.length === 0 && it.categories.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'match'],
          message: 'needs words to match; list some under match: (or source categories under categories:)',
        });
      }
    });
  });
export const serveSchema = z
  .strictObject({
    trustProxy: z
      .boolean()
      .default(false)
      .describe('Believe X-Forwarded-For/-Host/-Proto (only behind a reverse proxy you run)'),
    allowedHosts: z
      .array(z.string().min(1))
      .default([])
      .describe("More Host names the public site answers to, besides newsletter.baseUrl's host and loopback"),
    bodyLimit: z
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024)
      .default(16 * 1024)
      .describe('Largest request body the public site accepts, in bytes'),
    rateLimit: z.number().int().min(1).default(10).describe('POST requests per client address per minute'),
    minFillTime: duration.prefault('3s').describe('A sign-up form sent back faster than this is taken for a bot'),
    confirmLinkTtl: duration.prefault('48h').describe('How long a sign-up confirmation link stays valid'),
  })
  .transform(({ minFillTime, confirmLinkTtl, ...s }) => ({
    ...s,
    minFillTimeMs: minFillTime,
    confirmLinkTtlMs: confirmLinkTtl,
  }));

const EDITION_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const editionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(EDITION_ID, 'must be a short key like daily or weekly; use a-z, 0-9, - and _')
      .describe('Key of the edition: its outbox folder, issue ids (`<id>/<date>`), `--edition <id>`'),
    title: z.string().min(1).optional().describe('Name of this edition (default: newsletter.title)'),
    schedule: cron.optional().describe("Cron expression of this edition's issue slots"),
    cadence: z.enum(['daily', 'weekly']).optional().describe('How often it goes out (default: newsletter.cadence)'),
    window: duration.optional().describe('Items older than this are not ranked (default: newsletter.window)'),
    topStories: z.number().int().min(1).max(10).optional().describe('Top stories (default: newsletter.topStories)'),
    headlines: z.number().int().min(0).max(30).optional().describe('Headlines (default: newsletter.headlines)'),
    style: z.enum(['briefing', 'digest', 'explainer']).optional().describe('Layout (default: newsletter.style)'),
    interests: z
      .array(z.string().min(1))
      .optional()
      .describe('Ids of the interests readers of this edition can choose (default: all of `interests:`)'),
    sources: z
      .array(z.string().min(1))
      .optional()
      .describe('Names of the sources this edition ranks (default: all of `sources:`)'),
  })
  .transform(({ window, ...e }) => ({ ...e, windowMs: window }));

const editionsSchema = z
  .array(editionSchema)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `repeats the edition id "${e.id}"; give each edition its own id`,
        });
      }
      seen.add(e.id);
    });
  });

export const pathsSchema = z.strictObject({
  data: z.string().default('data').describe('Folder of the SQLite store (--data-dir overrides it)'),
  outbox: z.string().default('outbox').describe('Folder the issues are written to'),
  templates: z.string().default('templates').describe('Folder of the MJML and text templates'),
  locales: z.string().optional().describe('Folder of the label files (default `<templates>/locales`)'),
});

const HOUR_MS = 3_600_000;

export const configSchema = z
  .strictObject({
    newsletter: newsletterSchema.prefault({}).describe('The publication: name, language, timezone, schedule, size'),
    sources: z
      .array(sourceSchema)
      .min(1, 'needs at least one source (name and url)')
      .describe('The feeds to collect, one entry each'),
    editions: editionsSchema.describe(
      'Several newsletters from one config and one store (e.g. daily and weekly); each inherits `newsletter:` (none: the one newsletter)',
    ),
    interests: interestsSchema.describe(
      'What a reader can choose; a subscriber with interests receives only their stories (none: everyone gets the whole issue)',
    ),
    delivery: deliverySchema.prefault({}).describe('How issues are sent'),
    subscribers: z
      .string()
      .optional()
      .describe('CSV of subscribers (email,name,interests), merged into the store before each delivery'),
    rank: rankSchema.prefault({}).describe('How items are grouped into topics and scored'),
    collect: collectSchema.prefault({}).describe('How sources are fetched'),
    paths: pathsSchema.prefault({}).describe("Folders, relative to the config file's folder"),
    serve: serveSchema.prefault({}).describe('The public site (`briefing serve`): sign-up, preferences, archive'),
  })
  .superRefine((c, ctx) => {
    if (c.delivery.transport === 'smtp' && !c.delivery.smtp)
      ctx.addIssue({
        code: 'custom',
        path: ['delivery', 'transport'],
        message:
          'is smtp, but delivery.smtp is missing: add delivery.smtp with host and port (or use transport: outbox)',
      });
    // An edition names sources and interests the config defines.
    const sources = new Set(c.sources.map((s) => s.name));
    const interests = new Set(c.interests.map((i) => i.id));
    c.editions.forEach((e, i) => {
      e.sources?.forEach((name, j) => {
        if (!sources.has(name))
          ctx.addIssue({
            code: 'custom',
            path: ['editions', i, 'sources', j],
            message: `names no source ("${name}"); use a name from sources:`,
          });
      });
      e.interests?.forEach((id, j) => {
        if (!interests.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['editions', i, 'interests', j],
            message: `names no interest ("${id}"); use an id from interests:`,
          });
      });
    });
  })
  .transform(({ rank: { maxAgeMs, ...rank }, editions, ...c }) => {
    // The cadence-dependent defaults: a weekly issue looks further back than a daily one.
    const rankFor = (cadence: 'daily' | 'weekly') => {
      const weekly = cadence === 'weekly';
      return {
        ...rank,
        halfLifeHours: rank.halfLifeHours ?? (weekly ? 72 : 18),
        maxAgeHours: maxAgeMs !== undefined ? maxAgeMs / HOUR_MS : weekly ? 14 * 24 : 3 * 24,
      };
    };
    return {
      ...c,
      rank: rankFor(c.newsletter.cadence),
      // Each edition: `newsletter:` with its own keys over it, and the rank defaults of its cadence.
      editions: editions.map(({ id, sources, interests, windowMs, ...own }) => {
        const defined = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
        const newsletter = { ...c.newsletter, ...defined, windowMs: windowMs ?? c.newsletter.windowMs };
        return { id, newsletter, rank: rankFor(newsletter.cadence), sources, interests };
      }),
    };
  });

/** The config as written in YAML. */
export type RawConfig = z.input<typeof configSchema>;
/** The config after checks and defaults, before its paths are made absolute. */
export type ParsedConfig = z.output<typeof configSchema>;

/** The resolved config every stage reads: the schema's output with absolute paths. */
export type BriefingConfig = Omit<ParsedConfig, 'paths'> & {
  /** The edition this config is for (`editionConfig`); unset for the one newsletter, or all editions. */
  edition?: string | undefined;
  /** Resolved absolute folders. */
  paths: {
    /** Folder of the config file; relative paths resolve against it. */
    base: string;
  } & { [K in keyof ParsedConfig['paths']]-?: string };
};
export type NewsletterConfig = BriefingConfig['newsletter'];
export type SourceConfig = BriefingConfig['sources'][number];
export type DeliveryConfig = BriefingConfig['delivery'];
export type SmtpConfig = NonNullable<DeliveryConfig['smtp']>;
export type DkimConfig = NonNullable<DeliveryConfig['dkim']>;
export type BouncesConfig = NonNullable<DeliveryConfig['bounces']>;
export type BounceImapConfig = NonNullable<BouncesConfig['imap']>;
export type RankConfig = BriefingConfig['rank'];
export type CollectConfig = BriefingConfig['collect'];
export type InterestConfig = BriefingConfig['interests'][number];
export type ServeConfig = BriefingConfig['serve'];
export type EditionConfig = BriefingConfig['editions'][number];
export type Locale = NewsletterConfig['locale'];
export type IssueStyle = NewsletterConfig['style'];
export type ImagesMode = NewsletterConfig['images'];
export type Cadence = NewsletterConfig['cadence'];
