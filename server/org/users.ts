import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { credentialNumber, requiredText } from '../../shared/schemas/fields';
import { ROLES, type Role, type UserProfile } from '../../shared/sync/protocol';
import { hashPassword } from '../auth/password';
import { allocateSeqs } from '../sync/counter';
import type { Queryable, Storage } from '../storage/types';
import { getUnit } from './units';

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  unit_id: string;
  credential_number: string;
  password_hash: string;
}

export const toProfile = (r: UserRow): UserProfile => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  unitId: r.unit_id,
  credentialNumber: r.credential_number,
});

export const UserInputSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,64}$/, { error: 'username: 2–64 letters, digits, . _ -' }),
  name: requiredText(50),
  role: z.enum(ROLES),
  unitId: z.string().uuid(),
  credentialNumber: credentialNumber.or(z.literal('')),
  password: z.string().min(8, { error: 'password: at least 8 characters' }).max(256),
});
export type UserInput = z.input<typeof UserInputSchema>;

/**
 * Creates a user and, in the same transaction, the `person` reference row devices pull (name,
 * role, credential number: what forms print for the second enforcement officer).
 */
export async function createUser(storage: Storage, raw: UserInput): Promise<UserProfile> {
  const input = UserInputSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return storage.transaction(async (tx) => {
    if (!(await getUnit(tx, input.unitId))) throw new Error(`No unit ${input.unitId}`);
    const { rows } = await tx.query<UserRow>(
      `INSERT INTO users (id, username, name, role, unit_id, credential_number, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        uuidv7(),
        input.username,
        input.name,
        input.role,
        input.unitId,
        input.credentialNumber,
        passwordHash,
      ],
    );
    const user = toProfile(rows[0] as UserRow);
    const seqs = await allocateSeqs(tx);
    const doc = {
      name: user.name,
      role: user.role,
      unitId: user.unitId,
      credentialNumber: user.credentialNumber,
    };
    await tx.query(
      `INSERT INTO entities (entity, id, unit_id, owner_user_id, doc, server_seq) VALUES ('person', $1, $2, $3, $4, $5)`,
      [user.id, user.unitId, user.id, JSON.stringify(doc), seqs.next()],
    );
    await seqs.save();
    return user;
  });
}

export async function getUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function getUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return rows[0] ?? null;
}

export async function listUsers(q: Queryable): Promise<UserProfile[]> {
  const { rows } = await q.query<UserRow>('SELECT * FROM users ORDER BY created_at, id');
  return rows.map(toProfile);
}
