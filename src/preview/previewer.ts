import type { IssueStyle } from '../types.js';
import type { PreviewDeps } from './deps.js';
import { failedViewOf, viewOf, type RenderedView } from './view.js';

export interface ViewKey {
  issue: string | undefined;
  style: IssueStyle | undefined;
}

export function keyString(key: ViewKey): string {
  return `${key.issue ?? ''}\u0000${key.style ?? ''}`;
}

/**
 * Renders views through the deps and keeps them until a watched file changes. A render that
 * fails becomes a view with the error; nothing here throws.
 */
export class Previewer {
  #version = 1;
  readonly #cache = new Map<string, Promise<RenderedView>>();

  constructor(
    private readonly deps: Pick<PreviewDeps, 'draftFile' | 'loadDraft' | 'render'>,
    /** Called with each draft file a view reads, so edits to it re-render. */
    private readonly onDraftFile: (file: string) => void = () => {},
  ) {}

  get version(): number {
    return this.#version;
  }

  /** Forget every render; the next view renders again. Returns the new version. */
  invalidate(): number {
    this.#version += 1;
    this.#cache.clear();
    return this.#version;
  }

  view(key: ViewKey): Promise<RenderedView> {
    const k = keyString(key);
    let pending = this.#cache.get(k);
    if (!pending) {
      pending = this.#render(key, this.#version);
      this.#cache.set(k, pending);
    }
    return pending;
  }

  async #render(key: ViewKey, version: number): Promise<RenderedView> {
    const base = { version, issueId: key.issue, style: key.style };
    try {
      const file = this.deps.draftFile(key.issue);
      if (file) this.onDraftFile(file);
      const draft = await this.deps.loadDraft(key.issue);
      const rendered = await this.deps.render(draft, { style: key.style });
      return viewOf({ ...base, issueId: draft.issueId }, rendered);
    } catch (e) {
      return failedViewOf(base, e);
    }
  }
}
