import type Database from 'better-sqlite3';

export interface Person {
  id: string;
  name: string;
  role: string;
  unitId: string;
  credentialNumber: string;
}

/** Officers of this unit (pull-only reference data): the second officer on a form. */
export class PeopleRepository {
  constructor(private readonly db: Database.Database) {}

  upsert(p: Person): void {
    this.db
      .prepare(
        `INSERT INTO people (id, name, role, unit_id, credential_number) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
           unit_id = excluded.unit_id, credential_number = excluded.credential_number`,
      )
      .run(p.id, p.name, p.role, p.unitId, p.credentialNumber);
  }

  get(id: string): Person | null {
    const r = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as
      | { id: string; name: string; role: string; unit_id: string; credential_number: string }
      | undefined;
    return r
      ? {
          id: r.id,
          name: r.name,
          role: r.role,
          unitId: r.unit_id,
          credentialNumber: r.credential_number,
        }
      : null;
  }

  list(): Person[] {
    return (
      this.db.prepare('SELECT id FROM people ORDER BY name, id').all() as { id: string }[]
    ).map((r) => this.get(r.id) as Person);
  }
}
