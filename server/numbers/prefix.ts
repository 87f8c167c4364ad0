/**
 * The agency prefix a unit writes a document type's numbers with. An admin may set it for a
 * unit; sub-units use their nearest ancestor's setting (a city bureau's teams number under the
 * bureau's name). Without any setting the default comes from the unit's region and the name of
 * the bureau (局) it belongs to (shared/documents/numbers.ts defaultNumberPrefix).
 */
import {
  defaultNumberPrefix,
  isNumberedDocType,
  NUMBERED_DOC_TYPES,
  PREFIX_PATTERN,
  type NumberedDocType,
} from '../../shared/documents/numbers';
import type { Queryable } from '../storage/types';

export interface ResolvedPrefix {
  docType: NumberedDocType;
  prefix: string;
  /** Where it came from: set on this unit, set on an ancestor, or derived. */
  source: 'unit' | 'inherited' | 'default';
}

interface ChainRow {
  id: string;
  name: string;
  region_code: string;
  depth: number;
  prefix: string | null;
}

/** The unit and its ancestors, nearest first, with the prefix each has set for docType. */
async function unitChain(q: Queryable, unitId: string, docType: string): Promise<ChainRow[]> {
  const { rows } = await q.query<ChainRow>(
    `WITH RECURSIVE a(id, parent_id, name, region_code, depth) AS (
       SELECT id, parent_id, name, region_code, 0 FROM units WHERE id = $1
       UNION ALL
       SELECT u.id, u.parent_id, u.name, u.region_code, a.depth + 1
       FROM units u JOIN a ON u.id = a.parent_id WHERE a.depth < 32
     )
     SELECT a.id, a.name, a.region_code, a.depth, p.prefix
     FROM a LEFT JOIN number_prefixes p ON p.unit_id = a.id AND p.doc_type = $2
     ORDER BY a.depth`,
    [unitId, docType],
  );
  return rows;
}

export async function resolvePrefix(
  q: Queryable,
  unitId: string,
  docType: NumberedDocType,
): Promise<ResolvedPrefix> {
  const chain = await unitChain(q, unitId, docType);
  if (chain.length === 0) throw new Error(`No unit ${unitId}`);
  const set = chain.find((u) => u.prefix !== null);
  if (set?.prefix) {
    return { docType, prefix: set.prefix, source: set.id === unitId ? 'unit' : 'inherited' };
  }
  const regionCode = chain.find((u) => u.region_code !== '')?.region_code ?? '';
  // The bureau (局) a team belongs to names the agency; a unit outside any bureau names itself.
  const agencyName = (chain.find((u) => u.name.endsWith('局')) ?? (chain[0] as ChainRow)).name;
  return {
    docType,
    prefix: defaultNumberPrefix({ regionCode, agencyName }, docType),
    source: 'default',
  };
}

export class PrefixError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requireUnit(q: Queryable, unitId: string): Promise<void> {
  const { rows } = UUID.test(unitId)
    ? await q.query('SELECT 1 FROM units WHERE id = $1', [unitId])
    : { rows: [] };
  if (rows.length === 0) throw new PrefixError(`no unit ${unitId}`);
}

/** Every numbered type's prefix for a unit (the admin's list). */
export async function listPrefixes(q: Queryable, unitId: string): Promise<ResolvedPrefix[]> {
  await requireUnit(q, unitId);
  const out: ResolvedPrefix[] = [];
  for (const docType of NUMBERED_DOC_TYPES) out.push(await resolvePrefix(q, unitId, docType));
  return out;
}

/** Sets (or with an empty prefix, clears) a unit's prefix for one document type. */
export async function setPrefix(
  q: Queryable,
  unitId: string,
  docType: string,
  prefix: string,
): Promise<ResolvedPrefix> {
  if (!isNumberedDocType(docType)) {
    throw new PrefixError(`document type must be one of ${NUMBERED_DOC_TYPES.join(', ')}`);
  }
  await requireUnit(q, unitId);
  const text = prefix.trim();
  if (text === '') {
    await q.query('DELETE FROM number_prefixes WHERE unit_id = $1 AND doc_type = $2', [
      unitId,
      docType,
    ]);
  } else {
    if (!PREFIX_PATTERN.test(text)) {
      throw new PrefixError('prefix: 1–16 Chinese characters, e.g. 辽质监罚');
    }
    await q.query(
      `INSERT INTO number_prefixes (unit_id, doc_type, prefix) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id, doc_type) DO UPDATE SET prefix = EXCLUDED.prefix, updated_at = now()`,
      [unitId, docType, text],
    );
  }
  return resolvePrefix(q, unitId, docType);
}
