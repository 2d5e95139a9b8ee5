import { renameSync, rmSync } from 'node:fs';
import { type Db, type OpenOptions, openDb } from './db.js';
import { IssueRepo } from './issues.js';
import { ItemRepo } from './items.js';
import { SourceRepo } from './sources.js';
import { SubscriberRepo } from './subscribers.js';
import { DeliveryRepo } from './deliveries.js';
import { SlotRepo } from './slots.js';
import { SubscriberDataRepo } from './subscriber-data.js';
import { BounceRepo } from './bounces.js';

export { type Db, type OpenOptions, openDb, migrate, MIGRATIONS, storeErrorHint } from './db.js';
export type { IssueRecord, IssueStatus } from './issues.js';
export type { SourceHealth } from './sources.js';
export type { ImportResult, Suppression, SuppressionReason, SubscriberInput } from './subscribers.js';
export type { DeliveryRow, DeliveryStatus } from './deliveries.js';
export type {
  ConfirmOutcome,
  ConsentInput,
  PreferencesInput,
  SubscriberExport,
  SubscriberProfile,
} from './subscriber-data.js';
export type { BounceInput, BounceKind } from './bounces.js';
export type { LockInfo, RunKind, RunRecord, SlotRecord, SlotStatus } from '../types.js';

/** The embedded SQLite store in the data folder: one repository per concern. */
export class Store {
  readonly items: ItemRepo;
  readonly sources: SourceRepo;
  readonly issues: IssueRepo;
  readonly subscribers: SubscriberRepo;
  readonly deliveries: DeliveryRepo;
  readonly slots: SlotRepo;
  /** The subscriber's own side: consent, preferences, export, erasure. */
  readonly subscriberData: SubscriberDataRepo;
  readonly bounces: BounceRepo;

  constructor(readonly db: Db) {
    this.subscribers = new SubscriberRepo(db);
    this.deliveries = new DeliveryRepo(db);
    this.slots = new SlotRepo(db);
    this.subscriberData = new SubscriberDataRepo(db);
    this.bounces = new BounceRepo(db);
    this.items = new ItemRepo(db);
    this.sources = new SourceRepo(db);
    this.issues = new IssueRepo(db);
  }

  static open(dataDir: string, opts: OpenOptions = {}): Store {
    return new Store(openDb(dataDir, 'briefing.db', opts));
  }

  /** A consistent copy of the whole store (SQLite online backup), written atomically to `file`. */
  async backup(file: string): Promise<{ file: string; pages: number }> {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const r = await this.db.backup(tmp);
      renameSync(tmp, file);
      return { file, pages: r.totalPages };
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
