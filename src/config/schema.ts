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
  .transform((v) => parseDuration(v) ?? 0);

const cron = z.string().refine(isCron, {
  message: 'is not a cron expression; write five fields like "0 7 * * 1" (07:00 every Monday)',
});

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
  message: 'is not a date-time; write it like 2026-11-23T07:00:00+09:00',
});

export const sourceSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  url: z.string().min(1, 'must be an http(s) URL or a file path'),
  weight: z.number().positive('must be a positive number like 1 or 1.5').default(1),
  fullText: z.boolean().default(false),
});

export const newsletterSchema = z.strictObject({
  title: z.string().min(1).default('테크 브리핑'),
  locale: z.enum(['ko', 'en']).default('ko'),
  timezone: z
    .string()
    .refine(isTimezone, { message: 'is not an IANA timezone; use a name like Asia/Seoul or Europe/Berlin' })
    .default('Asia/Seoul'),
  schedule: cron.default('0 7 * * 1'),
  collectSchedule: cron.optional(),
  catchUpGrace: duration.optional(),
  window: duration.prefault('7d'),
  topStories: z.number().int().min(1).max(10).default(3),
  headlines: z.number().int().min(0).max(30).default(8),
  style: z.enum(['briefing', 'digest', 'explainer']).default('briefing'),
  cadence: z.enum(['daily', 'weekly']).default('weekly'),
  asOf: isoTime.optional(),
  baseUrl: z.url({ message: 'must be an http(s) URL like https://news.example.com' }).optional(),
});

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  passwordEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable like SMTP_PASSWORD')
    .optional(),
  pool: z.boolean().default(true),
  maxConnections: z.number().int().min(1).max(50).default(5),
  rateLimit: z.number().min(0).default(0),
  retries: z.number().int().min(0).max(10).default(3),
});

export const deliverySchema = z.strictObject({
  transport: z.enum(['outbox', 'smtp']).default('outbox'),
  from: z.string().min(3).default('브리핑 <briefing@example.com>'),
  replyTo: z.string().optional(),
  smtp: smtpSchema.optional(),
  dkim: z
    .strictObject({
      domainName: z.string().min(1),
      keySelector: z.string().min(1),
      privateKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable like DKIM_KEY'),
    })
    .optional(),
  unsubscribeMailto: z.string().optional(),
  unsubscribeSecretEnv: z.string().default('BRIEFING_SECRET'),
});

export const rankSchema = z.strictObject({
  halfLifeHours: z.number().positive().optional(),
  clusterThreshold: z.number().min(0).max(1).default(0.2),
  duplicateThreshold: z.number().min(0).max(1).default(0.8),
  rehashThreshold: z.number().min(0).max(1).default(0.7),
  followUpThreshold: z.number().min(0).max(1).default(0.3),
  noveltyIssues: z.number().int().min(0).default(4),
  maxPerSource: z.number().int().min(1).default(4),
  mmrLambda: z.number().min(0).max(1).default(0.7),
  maxAge: duration.optional(),
  aliases: z.array(z.array(z.string().min(1)).min(2, 'an alias group needs two or more words')).default([]),
});

export const collectSchema = z.strictObject({
  timeout: duration.prefault('20s'),
  connectTimeout: duration.prefault('5s'),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  concurrency: z.number().int().min(1).max(64).default(8),
  userAgent: z.string().default('briefing/0.1 (+https://github.com/briefing; newsletter composer)'),
  unhealthyAfter: z.number().int().min(1).default(5),
});

export const pathsSchema = z.strictObject({
  data: z.string().default('data'),
  outbox: z.string().default('outbox'),
  templates: z.string().default('templates'),
  locales: z.string().optional(),
});

export const configSchema = z.strictObject({
  newsletter: newsletterSchema.default(newsletterSchema.parse({})),
  sources: z.array(sourceSchema).min(1, 'needs at least one source (name and url)'),
  delivery: deliverySchema.default(deliverySchema.parse({})),
  subscribers: z.string().optional(),
  rank: rankSchema.default(rankSchema.parse({})),
  collect: collectSchema.default(collectSchema.parse({})),
  paths: pathsSchema.default(pathsSchema.parse({})),
});

export type RawConfig = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
