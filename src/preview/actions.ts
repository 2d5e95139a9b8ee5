/**
 * The editor's actions on the page (re-collect, re-compose, test send): one at a time, each
 * answered with one line for the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBriefingError, reasonOf } from '../errors.js';
import type { ActionResult, PreviewDeps } from './deps.js';
import { isIssueId, parseTestAddress } from './guard.js';
import { HttpError, readJson, sendJson } from './http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

function actionStatus(e: unknown): number {
  if (e instanceof HttpError) return e.status;
  return isBriefingError(e) && (e.code === 'EUSAGE' || e.code === 'ENOTFOUND') ? 400 : 500;
}

export interface ActionRoutesInput {
  deps: PreviewDeps;
  /** Re-render every open page (after a re-compose). */
  refresh(): Promise<void>;
  /** The issue the page shows by default. */
  defaultIssue(): Promise<string | undefined>;
}

export function actionRoutes(input: ActionRoutesInput): Record<string, { method: 'POST'; handle: Handler }> {
  const { deps } = input;
  const logger = deps.logger;
  let busy: string | undefined;

  function action(name: string, run: (body: Record<string, unknown>) => Promise<ActionResult>): Handler {
    return async (req, res) => {
      const body = await readJson(req);
      if (busy) throw new HttpError(409, `${busy} is still running; try again when it finishes`);
      busy = name;
      try {
        const result = await run(body);
        logger?.info(`preview: ${name}`, { message: result.message });
        sendJson(res, 200, result);
      } catch (e) {
        logger?.warn(`preview: ${name} failed`, { error: reasonOf(e) });
        sendJson(res, actionStatus(e), { error: reasonOf(e), code: isBriefingError(e) ? e.code : 'ERROR' });
      } finally {
        busy = undefined;
      }
    };
  }

  const unavailable = (what: string): never => {
    throw new HttpError(501, `${what} is not available in this setup`);
  };

  return {
    '/api/recollect': {
      method: 'POST',
      handle: action('re-collect', async () => (deps.recollect ?? (() => unavailable('re-collect')))()),
    },
    '/api/recompose': {
      method: 'POST',
      handle: action('re-compose', async () => {
        const result = await (deps.recompose ?? (() => unavailable('re-compose')))();
        await input.refresh();
        return result;
      }),
    },
    '/api/send-test': {
      method: 'POST',
      handle: action('test send', async (body) => {
        const send = deps.sendTest ?? (() => unavailable('test send'));
        const to = parseTestAddress(body.to);
        if (!to) throw new HttpError(400, 'write one email address like editor@example.com');
        const issue = typeof body.issue === 'string' && body.issue ? body.issue : await input.defaultIssue();
        if (!issue || !isIssueId(issue)) throw new HttpError(400, 'no issue to send; compose one first');
        return send(to, issue);
      }),
    },
  };
}
