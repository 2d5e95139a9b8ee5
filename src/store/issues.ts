import type { SentTopic, Topic } from '../types.js';
import type { Db } from './db.js';

export type IssueStatus = 'composed' | 'sending' | 'sent';

export interface IssueRecord {
  id: string;
  createdAt: string;
  asOf: string;
  title: string;
  status: IssueStatus;
  dir: string;
  slot?: string | undefined;
  sentAt?: string | undefined;
  /** The highest item id in the store when the issue was composed. */
  itemWatermark: number;
}

interface IssueRow {
  id: string;
  created_at: string;
  as_of: string;
  title: string;
  status: IssueStatus;
  dir: string;
  slot: string | null;
  sent_at: string | null;
  item_watermark: number;
}

function toRecord(r: IssueRow): IssueRecord {
  return {
    id: r.id,
    createdAt: r.created_at,
    asOf: r.as_of,
    title: r.title,
    status: r.status,
    dir: r.dir,
    slot: r.slot ?? undefined,
    sentAt: r.sent_at ?? undefined,
    itemWatermark: r.item_watermark,
  };
}

/** Issues of one edition (ids `<edition>/…`), or of all when the edition is null; `column` holds the issue id. */
function inEdition(column = 'id'): string {
  return `(? IS NULL OR substr(${column}, 1, length(?)) = ?)`;
}

function editionArgs(edition: string | undefined): [string | null, string | null, string | null] {
  const prefix = edition ? `${edition}/` : null;
  return [prefix, prefix, prefix];
}

/** Issues, the topics and items each contained, and the editor's pins and blocks. */
export class IssueRepo {
  constructor(private readonly db: Db) {}

  record(issue: Omit<IssueRecord, 'status' | 'sentAt'>, topics: readonly Topic[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO issues (id, created_at, as_of, title, status, dir, slot, item_watermark)
           VALUES (?, ?, ?, ?, 'composed', ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, dir = excluded.dir`,
        )
        .run(issue.id, issue.createdAt, issue.asOf, issue.title, issue.dir, issue.slot ?? null, issue.itemWatermark);
      this.db.prepare('DELETE FROM issue_topics WHERE issue_id = ?').run(issue.id);
      this.db.prepare('DELETE FROM issue_items WHERE issue_id = ?').run(issue.id);
      const t = this.db.prepare(
        'INSERT INTO issue_topics (issue_id, topic_id, position, title, terms) VALUES (?, ?, ?, ?, ?)',
      );
      const i = this.db.prepare('INSERT OR IGNORE INTO issue_items (issue_id, item_id) VALUES (?, ?)');
      topics.forEach((topic, pos) => {
        t.run(issue.id, topic.id, pos, topic.title, JSON.stringify(topic.terms));
        for (const it of topic.items) {
          i.run(issue.id, it.itemId);
          for (const d of it.duplicates) i.run(issue.id, d);
        }
      });
    })();
  }

  get(id: string): IssueRecord | undefined {
    const r = this.db.prepare('SELECT * FROM issues WHERE id = ?').get(id) as IssueRow | undefined;
    return r ? toRecord(r) : undefined;
  }

  /** The latest issue (of one edition when given: ids `<edition>/…`). */
  latest(edition?: string): IssueRecord | undefined {
    const r = this.db
      .prepare(`SELECT * FROM issues WHERE ${inEdition()} ORDER BY created_at DESC, id DESC LIMIT 1`)
      .get(...editionArgs(edition)) as IssueRow | undefined;
    return r ? toRecord(r) : undefined;
  }

  /** Every issue, newest first (of one edition when given). */
  list(edition?: string): IssueRecord[] {
    return (
      this.db
        .prepare(`SELECT * FROM issues WHERE ${inEdition()} ORDER BY created_at DESC, id DESC`)
        .all(...editionArgs(edition)) as IssueRow[]
    ).map(toRecord);
  }

  setStatus(id: string, status: IssueStatus, at: Date): void {
    this.db
      .prepare("UPDATE issues SET status = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?")
      .run(status, status, at.toISOString(), id);
  }

  /** Item ids that already went out in a sent issue (of one edition when given). */
  sentItemIds(edition?: string): Set<number> {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT ii.item_id FROM issue_items ii JOIN issues i ON i.id = ii.issue_id
         WHERE i.status = 'sent' AND ${inEdition('i.id')}`,
      )
      .all(...editionArgs(edition)) as Array<{ item_id: number }>;
    return new Set(rows.map((r) => r.item_id));
  }

  /** Keep only these topics of an issue (after an editor dropped some), in this order. */
  retainTopics(issueId: string, topicIds: readonly string[]): void {
    this.db.transaction(() => {
      const keep = new Set(topicIds);
      const rows = this.db.prepare('SELECT topic_id FROM issue_topics WHERE issue_id = ?').all(issueId) as Array<{
        topic_id: string;
      }>;
      const del = this.db.prepare('DELETE FROM issue_topics WHERE issue_id = ? AND topic_id = ?');
      for (const r of rows) if (!keep.has(r.topic_id)) del.run(issueId, r.topic_id);
      const pos = this.db.prepare('UPDATE issue_topics SET position = ? WHERE issue_id = ? AND topic_id = ?');
      topicIds.forEach((id, i) => pos.run(i, issueId, id));
    })();
  }

  setTitle(id: string, title: string): void {
    this.db.prepare('UPDATE issues SET title = ? WHERE id = ?').run(title, id);
  }

  /** Ids already used, for picking the next free issue id. */
  idsStartingWith(prefix: string): Set<string> {
    const rows = this.db
      .prepare("SELECT id FROM issues WHERE id = ? OR id LIKE ? || '-%'")
      .all(prefix, prefix) as Array<{
      id: string;
    }>;
    return new Set(rows.map((r) => r.id));
  }

  /** Topics of the last `issues` sent issues (of one edition when given), newest first, for novelty. */
  sentTopics(issues: number, before?: Date, edition?: string): SentTopic[] {
    const sent = this.db
      .prepare(
        `SELECT id, sent_at FROM issues WHERE status = 'sent' AND (? IS NULL OR as_of < ?) AND ${inEdition()}
         ORDER BY sent_at DESC, id DESC LIMIT ?`,
      )
      .all(before?.toISOString() ?? null, before?.toISOString() ?? null, ...editionArgs(edition), issues) as Array<{
      id: string;
      sent_at: string;
    }>;
    const topics = this.db.prepare('SELECT * FROM issue_topics WHERE issue_id = ? ORDER BY position');
    return sent.flatMap((issue, ago) =>
      (topics.all(issue.id) as Array<{ issue_id: string; topic_id: string; title: string; terms: string }>).map(
        (t) => ({
          issueId: t.issue_id,
          topicId: t.topic_id,
          title: t.title,
          terms: JSON.parse(t.terms) as string[],
          sentAt: issue.sent_at,
          issuesAgo: ago,
        }),
      ),
    );
  }

  /** Record an editor's pin or block (from a draft); later ranking reads them. */
  mark(kind: 'pin' | 'block', key: string, issueId: string | undefined, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO editor_marks (kind, key, issue_id, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, key) DO UPDATE SET issue_id = excluded.issue_id, at = excluded.at`,
      )
      .run(kind, key, issueId ?? null, at.toISOString());
  }

  marks(kind: 'pin' | 'block'): string[] {
    return (
      this.db.prepare('SELECT key FROM editor_marks WHERE kind = ? ORDER BY at').all(kind) as Array<{ key: string }>
    ).map((r) => r.key);
  }
}
