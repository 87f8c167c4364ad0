/**
 * Version links between spot checks are foreign keys locally, but rows arrive in server order:
 * a correction can come a page before the version it corrects (whose serverSeq moved when it
 * was linked). A link whose target is not here yet is held in sync_pending_links and written
 * once the target arrives, so no page fails and no link is lost.
 */
import type { Store } from '../../db/store';

type LinkColumn = 'supersedes_id' | 'superseded_by_id';

/** The value to store now: the target when it can be linked, else null (and the link held). */
export function holdLink(
  store: Store,
  id: string,
  col: LinkColumn,
  target: string | null,
): string | null {
  const db = store.db;
  db.prepare('DELETE FROM sync_pending_links WHERE id = ? AND col = ?').run(id, col);
  if (target === null || linkable(store, id, col, target)) return target;
  db.prepare('INSERT INTO sync_pending_links (id, col, target) VALUES (?, ?, ?)').run(
    id,
    col,
    target,
  );
  return null;
}

function linkable(store: Store, id: string, col: LinkColumn, target: string): boolean {
  const db = store.db;
  if (!db.prepare('SELECT 1 FROM spot_checks WHERE id = ?').get(target)) return false;
  // supersedes_id is unique: a local correction of the same version may hold it for now.
  if (col === 'supersedes_id')
    return !db
      .prepare('SELECT 1 FROM spot_checks WHERE supersedes_id = ? AND id <> ?')
      .get(target, id);
  return true;
}

/** Writes every held link whose target has arrived. Runs at the end of each page. */
export function settleLinks(store: Store): void {
  const held = store.db.prepare('SELECT id, col, target FROM sync_pending_links').all() as {
    id: string;
    col: LinkColumn;
    target: string;
  }[];
  for (const l of held) {
    const current = store.spotChecks.get(l.id);
    if (!current) continue;
    if (!linkable(store, l.id, l.col, l.target)) continue;
    const next = {
      ...current,
      ...(l.col === 'supersedes_id' ? { supersedesId: l.target } : { supersededById: l.target }),
    };
    store.spotChecks.update(next, current);
    store.db.prepare('DELETE FROM sync_pending_links WHERE id = ? AND col = ?').run(l.id, l.col);
  }
}
