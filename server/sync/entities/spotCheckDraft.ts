/**
 * What a spot check's draft `data` becomes on the server, as pure functions of what the device
 * sent (no database, no caller): shared by the handler (spotCheck.ts) and by the reading of a
 * push request (../pushInput.ts), which prepares new records' data off the main thread.
 */
import {
  completeSpotCheckData,
  hasFullSpotCheckShape,
  SpotCheckDraftDataSchema,
  type SpotCheckDraftData,
} from '../../../shared/schemas/spotCheck';
import { SPOT_CHECK_GROUPS } from '../../../shared/schemas/spotCheckFields';
import { isPlainObject, type Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { sameJson } from '../jsonReuse';
import { createdData, onlyData } from './dataChanges';
import {
  isRejection,
  validationRejection,
  type PreparedCreate,
  type Rejection,
  type SentText,
} from './types';

/**
 * Drafts are stored with every group and field present (blanks where nothing was typed), the
 * same shape the app keeps, so field paths and conflict stamps line up on both sides.
 */
export function draftData(data: unknown): Doc | Rejection {
  const raw: unknown = isPlainObject(data) ? { ...data } : (data ?? {});
  if (isPlainObject(raw)) for (const g of SPOT_CHECK_GROUPS) raw[g.key] ??= {};
  const parsed = SpotCheckDraftDataSchema.safeParse(raw);
  if (!parsed.success) return validationRejection(parsed.error.issues, 'data');
  if (isPlainObject(data) && unchangedByValidation(data, parsed.data)) return data;
  return completeSpotCheckData(parsed.data) as unknown as Doc;
}

/**
 * A valid draft that already has the full shape is kept as the device sent it (the JSON value
 * completion would give, without copying it and comparing the copy): the draft schema checks its
 * groups' fields and the samplers without rewriting any value; signatures are compared, since
 * their schema fills defaults and trims. This is what the app sends, so most creates and saves
 * take this path; test/unit/spotCheckDraftPassThrough.test.ts holds the equivalence.
 */
function unchangedByValidation(sent: Doc, parsed: SpotCheckDraftData): boolean {
  return (
    hasFullSpotCheckShape(parsed) &&
    Array.isArray(sent.signatures) &&
    sameJson(sent.signatures, parsed.signatures)
  );
}

/**
 * The `data` of a new spot check from its create mutation, as JSON text, or why not. When the
 * draft is kept as sent (draftData returned the very object) and the device wrote exactly the
 * text JSON.stringify gives for it (`sent`: as the app does), that text is stored as the request's
 * own bytes: the main thread then neither receives it as a string nor encodes it again. Only the
 * exact text: spacing, other escapes or a key given twice would store more than was validated.
 */
export function prepareSpotCheckCreate(m: Mutation, sent?: SentText): PreparedCreate | Rejection {
  const bad = onlyData(m);
  if (bad) return bad;
  const given = createdData(m.changes);
  if (isRejection(given)) return given;
  const data = draftData(given.data);
  if (isRejection(data)) return data;
  const changes = m.changes;
  const onlyDataSent = Object.keys(changes).length === 1 && Object.hasOwn(changes, 'data');
  const dataJson = JSON.stringify(data);
  if (sent !== undefined && onlyDataSent && data === changes.data && dataJson === sent.text)
    return { dataJson: sent.bytes, sameAsSent: true };
  return {
    dataJson,
    // Exact: the very object sent (kept as it came) serializes to its own text; otherwise
    // sameJson is true only if the two serialize to the same text (jsonReuse.ts).
    sameAsSent: onlyDataSent && (data === changes.data || sameJson(data, changes.data)),
  };
}
