import type Database from 'better-sqlite3';
import type { Profile } from '../../shared/schemas/profile';

interface ProfileRow {
  id: string;
  name: string;
  credential_number: string;
  unit_name: string;
  region_code: string;
  created_at: string;
}

export class ProfileRepository {
  constructor(private readonly db: Database.Database) {}

  get(): Profile | null {
    const row = this.db.prepare('SELECT * FROM profile WHERE singleton = 1').get() as
      ProfileRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      credentialNumber: row.credential_number,
      unitName: row.unit_name,
      regionCode: row.region_code,
      createdAt: row.created_at,
    };
  }

  insert(p: Profile): void {
    this.db
      .prepare(
        `INSERT INTO profile (singleton, id, name, credential_number, unit_name, region_code, created_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, p.name, p.credentialNumber, p.unitName, p.regionCode, p.createdAt);
  }

  /**
   * The signed-in user becomes this device's inspector. Records made here before (under the
   * first-run profile) become theirs: the person who enrolls owns the device's earlier work.
   */
  adopt(p: Profile): void {
    const prev = this.get();
    if (prev && prev.id !== p.id) {
      this.db
        .prepare('UPDATE spot_checks SET created_by = ? WHERE created_by = ?')
        .run(p.id, prev.id);
      this.db
        .prepare('UPDATE cases SET owner_user_id = ?, owner_name = ? WHERE owner_user_id = ?')
        .run(p.id, p.name, prev.id);
    }
    this.db.prepare('DELETE FROM profile WHERE singleton = 1').run();
    this.insert(p);
  }
}
