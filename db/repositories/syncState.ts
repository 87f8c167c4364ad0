import type Database from 'better-sqlite3';
import type { AuditChainVerdict, AuditUploadFailure, SyncUser } from '../../shared/schemas/sync';

/**
 * Sync settings as key → JSON value (table sync_state). Every key the app uses is listed here
 * with its type, so a typo is a compile error rather than a setting that is silently never read.
 */
export interface SyncStateValues {
  /** Last outbox seq handed out; the next change gets this + 1 (never reused). */
  outboxSeq: number;
  /** Last HLC timestamp issued, so the clock never goes back across restarts. */
  hlc: string;
  /** HLC node id: a random id before enrollment, the device id after. */
  hlcNode: string;
  enrollment: {
    serverUrl: string;
    deviceId: string;
    deviceName: string;
    token: string;
    enrolledAt: string;
    /** The user the device was enrolled for (the server attributes every push to them). */
    userId: string;
  };
  /** Who is signed in now; absent after logout. */
  session: { userId: string; at: string };
  /** Users who signed in online on this device once, with a slow password verifier. */
  users: Record<
    string,
    {
      user: SyncUser;
      unitRegionCode: string;
      verifier: string;
    }
  >;
  cursor: number;
  epoch: string;
  /** Local scope checksum terms (see shared/sync/checksum.ts): count and sum as hex. */
  checksum: { count: number; sum: string };
  revoked: { message: string; at: string };
  lastSuccessAt: string;
  /** Rows to read again after a refused or conflicting push (kept across a failed round). */
  repair: { entity: string; id: string }[];
  /** The server's last verdict on this device's audit chain (core/sync/auditUpload.ts). */
  auditChain: AuditChainVerdict & { deviceId: string };
  /** The last audit upload's failure, until one succeeds (core/sync/auditUpload.ts). */
  auditUploadError: AuditUploadFailure & { deviceId: string };
}

export type SyncStateKey = keyof SyncStateValues;

export class SyncStateRepository {
  private readonly getStmt: Database.Statement;
  private readonly setStmt: Database.Statement;
  private readonly delStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.delStmt = db.prepare('DELETE FROM sync_state WHERE key = ?');
  }

  get<K extends SyncStateKey>(key: K): SyncStateValues[K] | null {
    const row = this.getStmt.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as SyncStateValues[K]) : null;
  }

  set<K extends SyncStateKey>(key: K, value: SyncStateValues[K]): void {
    this.setStmt.run(key, JSON.stringify(value));
  }

  delete(key: SyncStateKey): void {
    this.delStmt.run(key);
  }
}
