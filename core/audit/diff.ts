/**
 * Field-level changes between two JSON values, by dotted path (`sample.batchNumber`,
 * `samplers.1.name`), for the audit trail. A path missing on one side is reported as null
 * there, so the entry stays valid JSON.
 */
import type { FieldChange } from '../../shared/schemas/audit';

type Leaf = string | number | boolean | null | Record<string, never> | never[];

/** Every leaf of a JSON value by dotted path; empty objects and arrays count as leaves. */
export function flatten(
  value: unknown,
  prefix = '',
  out = new Map<string, Leaf>(),
): Map<string, Leaf> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      // An empty root ({} for a new entity) has no fields to report.
      if (prefix !== '') out.set(prefix, (Array.isArray(value) ? [] : {}) as Leaf);
      return out;
    }
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  if (value !== undefined) out.set(prefix, value as Leaf);
  return out;
}

const same = (a: Leaf | undefined, b: Leaf | undefined) =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b));

export function diff(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: FieldChange[] = [];
  for (const [path, old] of a) {
    const now = b.get(path);
    if (!same(old, now)) changes.push({ path, old, new: now ?? null });
  }
  for (const [path, now] of b) {
    if (!a.has(path)) changes.push({ path, old: null, new: now });
  }
  return changes;
}
