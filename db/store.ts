/** The local store: one connection, migrated, with its repositories. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUP_DIR_NAME, DB_FILE_NAME, openConnection } from './connection';
import { MIGRATIONS, type Migration } from './migrations';
import { migrate } from './migrations/runner';
import { AttachmentRepository } from './repositories/attachments';
import { AuditRepository } from './repositories/audit';
import { CaseRepository } from './repositories/cases';
import { CatalogRepository } from './repositories/catalog';
import { ConflictRepository } from './repositories/conflicts';
import { EnterpriseRepository } from './repositories/enterprises';
import { EntitySyncRepository } from './repositories/entitySync';
import { NumberRepository } from './repositories/numbers';
import { OutboxRepository } from './repositories/outbox';
import { PeopleRepository } from './repositories/people';
import { PrintLogRepository } from './repositories/printLog';
import { ProfileRepository } from './repositories/profile';
import { QuarantineRepository } from './repositories/quarantine';
import { ReviewRepository } from './repositories/reviews';
import { SpotCheckRepository } from './repositories/spotChecks';
import { SyncStateRepository } from './repositories/syncState';

export interface StoreOptions {
  dataDir: string;
  busyTimeoutMs?: number;
  /** Defaults to every migration of this build; tests pass their own lists. */
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface Store {
  db: Database.Database;
  /** The data dir the store lives in (attachment files are kept under it too). */
  dataDir: string;
  schemaVersion: number;
  profile: ProfileRepository;
  catalog: CatalogRepository;
  enterprises: EnterpriseRepository;
  spotChecks: SpotCheckRepository;
  audit: AuditRepository;
  /** Sync: settings, the outbox of local changes, and what was received from the server. */
  syncState: SyncStateRepository;
  outbox: OutboxRepository;
  entitySync: EntitySyncRepository;
  conflicts: ConflictRepository;
  quarantine: QuarantineRepository;
  people: PeopleRepository;
  /** Attachment metadata; the bytes are files under <dataDir>/files (core/attachments/). */
  attachments: AttachmentRepository;
  /** Document-number blocks from the server and the numbers issued from them (core/numbers/). */
  numbers: NumberRepository;
  /** Every form printed or saved as PDF on this device (core/documents/). */
  printLog: PrintLogRepository;
  /** Enforcement cases and supervisors' review decisions. */
  cases: CaseRepository;
  reviews: ReviewRepository;
  close(): void;
}

export function openStore(opts: StoreOptions): Store {
  const db = openConnection(path.join(opts.dataDir, DB_FILE_NAME), {
    busyTimeoutMs: opts.busyTimeoutMs,
  });
  try {
    const { version } = migrate(db, opts.migrations ?? MIGRATIONS, {
      backupDir: path.join(opts.dataDir, BACKUP_DIR_NAME),
      now: opts.now,
    });
    // Refresh planner statistics for tables that grew a lot: with STAT4 the planner then picks
    // the selective index for combined filters (e.g. region rather than a wide date range).
    optimize(db, 'optimize = 0x10002');
    const syncState = new SyncStateRepository(db);
    const entitySync = new EntitySyncRepository(db);
    return {
      db,
      dataDir: opts.dataDir,
      schemaVersion: version,
      profile: new ProfileRepository(db),
      catalog: new CatalogRepository(db),
      enterprises: new EnterpriseRepository(db),
      spotChecks: new SpotCheckRepository(db),
      audit: new AuditRepository(db),
      syncState,
      entitySync,
      outbox: new OutboxRepository(db, syncState, entitySync, opts.now ?? (() => new Date())),
      conflicts: new ConflictRepository(db),
      quarantine: new QuarantineRepository(db),
      people: new PeopleRepository(db),
      attachments: new AttachmentRepository(db),
      numbers: new NumberRepository(db),
      printLog: new PrintLogRepository(db),
      cases: new CaseRepository(db),
      reviews: new ReviewRepository(db),
      close: () => {
        if (!db.open) return;
        optimize(db, 'optimize');
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Statistics are an optimization: a busy or read-only file must not stop open or close. */
function optimize(db: Database.Database, pragma: string): void {
  try {
    db.pragma(pragma);
  } catch {
    // Left for the next open.
  }
}
