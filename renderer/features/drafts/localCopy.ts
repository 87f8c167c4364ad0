/**
 * A copy of a form in localStorage, written on every change before the save is even
 * attempted: if the save fails, the app crashes or the laptop dies, reopening the record
 * brings the input back. Cleared once the store has the same values. The copy also keeps the
 * stored data its edits started from (`base`), so that if the record changed elsewhere in the
 * meantime only the fields edited here are carried over (see threeWayMerge).
 *
 * One store per kind of record (spot checks, cases), each under its own key prefix.
 */

export interface LocalCopy<T> {
  values: T;
  /** The store's revision the copy started from. */
  revision: number;
  /** The stored data at `revision` (the last saved values); absent in copies from older versions. */
  base?: T;
  at: string;
}

export interface LocalCopyStore<T> {
  write(id: string, values: T, revision: number, base: T): void;
  read(id: string): LocalCopy<T> | null;
  clear(id: string): void;
}

/**
 * `complete` fills what an older copy may lack (fields added since), so a restored copy always
 * has the form's full shape.
 */
export function localCopyStore<T>(
  prefix: string,
  complete: (raw: unknown) => T,
): LocalCopyStore<T> {
  return {
    write(id, values, revision, base) {
      try {
        const copy: LocalCopy<T> = { values, revision, base, at: new Date().toISOString() };
        localStorage.setItem(prefix + id, JSON.stringify(copy));
      } catch {
        // Quota or privacy mode: the save to the store is still attempted; nothing more to do here.
      }
    },
    read(id) {
      try {
        const raw = localStorage.getItem(prefix + id);
        if (!raw) return null;
        const copy = JSON.parse(raw) as LocalCopy<unknown>;
        const out: LocalCopy<T> = {
          values: complete(copy.values),
          revision: copy.revision,
          at: copy.at,
        };
        if (copy.base) out.base = complete(copy.base);
        return out;
      } catch {
        return null;
      }
    },
    clear(id) {
      try {
        localStorage.removeItem(prefix + id);
      } catch {
        // Nothing to recover: a stale copy equal to the stored record is ignored on open.
      }
    },
  };
}

/** Key order differs between sources, so compare by sorted JSON. */
export function sameValues(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : val,
  );
}
