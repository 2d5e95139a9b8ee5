/**
 * The editor's desk API: read the draft with its version, save an edited draft (refused when the
 * file changed since the page read it), and find stored items to add as headlines. Saves run one
 * at a time; each one re-renders every open page.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBriefingError, reasonOf } from '../errors.js';
import type { DeskDeps, StoredItemHit } from './deps.js';
import { isIssueId } from './guard.js';
import { HttpError, readJson, sendJson } from './http.js';
import { errorOf } from './view.js';

/** A draft with every story's alternatives and pictures is larger than an action's body. */
export const DRAFT_BODY_LIMIT = 1024 * 1024;
/** Search results at most. */
export const SEARCH_LIMIT = 20;

/** The version of a draft file: a hash of its text, so any change (another tab, an editor) shows. */
export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface DeskRoutesInput {
  desk: DeskDeps;
  /** Re-render every open page (after a save). */
  refresh(): Promise<void>;
  /** The version of the views after the last refresh. */
  version(): number;
  logger?: {
    info(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, f?: Record<string, unknown>): void;
  };
}

function issueParam(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !isIssueId(v)) throw new HttpError(400, `"${String(v)}" is not an issue id`);
  return v;
}

/** An http(s) URL from the search box, or undefined when it is words. */
export function urlQuery(q: string): string | undefined {
  const t = q.trim();
  if (!/^https?:\/\/\S+$/i.test(t)) return undefined;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function deskRoutes(input: DeskRoutesInput): Record<string, { method: 'GET' | 'POST'; handle: Handler }> {
  const { desk, logger } = input;
  let queue: Promise<unknown> = Promise.resolve();
  /** One save at a time: the version check and the write must not interleave. */
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const getDraft: Handler = async (_req, res, url) => {
    const issue = issueParam(url.searchParams.get('issue'));
    const d = await desk.readDraft(issue);
    sendJson(res, 200, { issueId: d.draft.issueId, rev: revisionOf(d.text), draft: d.draft });
  };

  const saveDraft: Handler = async (req, res) => {
    const body = await readJson(req, DRAFT_BODY_LIMIT);
    const issue = issueParam(body.issue);
    if (typeof body.rev !== 'string' || !body.rev) throw new HttpError(400, 'send the rev the page read the draft at');
    if (!body.draft || typeof body.draft !== 'object' || Array.isArray(body.draft)) {
      throw new HttpError(400, 'send the draft as a JSON object');
    }
    type Outcome = { rev: string } | { conflict: string } | { invalid: Error & { hint?: string | undefined } };
    const outcome = await serial(async (): Promise<Outcome> => {
      const current = await desk.readDraft(issue);
      const rev = revisionOf(current.text);
      if (rev !== body.rev) return { conflict: rev };
      try {
        const text = await desk.writeDraft(current.file, body.draft);
        return { rev: revisionOf(text) };
      } catch (e) {
        if (isBriefingError(e) && e.code === 'EDRAFT') return { invalid: e };
        throw e;
      }
    });
    if ('conflict' in outcome) {
      logger?.warn('preview: refused a stale save', { issue });
      return sendJson(res, 409, {
        error:
          'the draft was changed since this page read it (in another tab or an editor): reload to see that version, then edit again',
        code: 'ECONFLICT',
        rev: outcome.conflict,
      });
    }
    if ('invalid' in outcome) {
      // The same one-line message `briefing render` prints, split into file, line and message for the page.
      const err = errorOf(outcome.invalid);
      return sendJson(res, 422, { error: outcome.invalid.message, ...err });
    }
    await input.refresh();
    logger?.info('preview: draft saved', { issue, rev: outcome.rev });
    sendJson(res, 200, { rev: outcome.rev, version: input.version(), message: 'saved' });
  };

  const items: Handler = async (_req, res, url) => {
    const q = (url.searchParams.get('q') ?? '').slice(0, 300);
    const asUrl = urlQuery(q);
    let found: StoredItemHit[] = [];
    try {
      if (asUrl) {
        const hit = await desk.itemByUrl(asUrl);
        found = hit ? [hit] : [];
      } else if (q.trim()) {
        found = await desk.searchItems(q.trim(), SEARCH_LIMIT);
      }
    } catch (e) {
      throw new HttpError(500, `cannot search the stored items: ${reasonOf(e)}`);
    }
    sendJson(res, 200, { url: asUrl ?? null, items: found });
  };

  return {
    '/api/draft': { method: 'GET', handle: getDraft },
    '/api/draft/save': { method: 'POST', handle: saveDraft },
    '/api/items': { method: 'GET', handle: items },
  };
}
