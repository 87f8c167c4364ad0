/**
 * The little of pouchdb-node, express-pouchdb and express 4 that the sync benchmark uses
 * (none of them ships types, and the benchmark is the only user).
 */
declare module 'pouchdb-node' {
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
  }
  interface Database {
    bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string }[]>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, opts?: Record<string, unknown>): Database;
    replicate(
      source: Database,
      target: Database,
      opts?: Record<string, unknown>,
    ): Promise<ReplicationResult>;
    defaults(opts: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export = PouchDB;
}

declare module 'express-pouchdb' {
  function expressPouchdb(pouch: unknown, opts?: Record<string, unknown>): unknown;
  export = expressPouchdb;
}

declare module 'express' {
  import type { Server } from 'node:http';
  interface Application {
    use(path: string, handler: unknown): void;
    listen(port: number, host: string, cb: () => void): Server;
  }
  function express(): Application;
  export = express;
}
