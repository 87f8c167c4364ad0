/**
 * numbers.issue: a 文书字号 for one form of a case, in one local transaction.
 *
 * The number lives in the case data (`documentNumbers.<key>`, shared/documents/numbers.ts), so
 * it syncs and every device prints and verifies the same one. A form that has a number there
 * keeps it, whoever asks. A NEW number is drawn only
 * - by a user who may edit the case (shared/domain/permissions.ts, record.edit),
 * - once the case has reached the form's stage (numberableNow; drafts before it take none),
 * from this device's block, and is written into the case through the normal save path (audit,
 * outbox) in the same transaction. Numbers run out → refused with `numbers.empty` until the
 * next sync brings a block (see shared/api/numberContract.ts).
 */
import type { IssuedNumber, NumberIssueSchema } from '../../shared/api/numberContract';
import { fail, ok, type Result } from '../../shared/api/result';
import { documentKindDef } from '../../shared/documents/kinds';
import {
  docTypeName,
  documentNumberKey,
  DOCUMENT_NUMBERING,
  formatDocumentNumber,
  numberableNow,
  parseDocumentNumber,
  parseDocumentNumberKey,
  type NumberedDocType,
} from '../../shared/documents/numbers';
import { isTerminalStage } from '../../shared/domain/case/stages';
import type { CaseRecord } from '../../shared/domain/case/record';
import type { z } from 'zod';
import type { IssuedNumberRow } from '../../db/repositories/numbers';
import type { Store } from '../../db/store';
import { currentActor, permissionFailure } from '../services/cases/actor';
import { writeCaseData } from '../services/cases/save';
import { inTransaction, isFailure, type Failure, type ServiceContext } from '../services/context';
import type { MessageRef } from '../../shared/api/result';
import { numberYear } from './status';

type IssueInput = z.output<typeof NumberIssueSchema>;

const toIssued = (r: IssuedNumberRow): IssuedNumber => ({
  docType: r.docType,
  year: r.year,
  prefix: r.prefix,
  number: r.number,
  text: r.text,
  ownerType: r.ownerType,
  ownerId: r.ownerId,
  itemId: r.itemId,
  issuedAt: r.issuedAt,
});

/** An issued number as the case data holds it (issued on whichever device). */
function fromText(docType: NumberedDocType, itemId: string, ownerId: string, text: string) {
  const parsed = parseDocumentNumber(text);
  return {
    docType,
    year: parsed?.year ?? 0,
    prefix: parsed?.prefix ?? '',
    number: parsed?.number ?? 0,
    text,
    ownerType: 'case',
    ownerId,
    itemId,
    // Known only on the device that drew it.
    issuedAt: '',
  } satisfies IssuedNumber;
}

/** The form's number: the one in the case data; null when it has none yet. */
export function findIssued(store: Store, input: IssueInput): IssuedNumber | null {
  if (input.ownerType !== 'case') return null;
  const record = store.cases.get(input.ownerId);
  const text = record?.data.documentNumbers?.[documentNumberKey(input.docType, input.itemId)];
  if (!text) return null;
  const r = store.numbers.issuedFor(input.docType, input.ownerType, input.ownerId, input.itemId);
  return r && r.text === text
    ? toIssued(r)
    : fromText(input.docType, input.itemId, input.ownerId, text);
}

/** Every number the case data holds for the case's forms. */
export function listIssued(store: Store, ownerType: string, ownerId: string): IssuedNumber[] {
  const record = ownerType === 'case' ? store.cases.get(ownerId) : null;
  if (!record) return [];
  const local = store.numbers.issuedByOwner(ownerType, ownerId).map(toIssued);
  return Object.entries(record.data.documentNumbers ?? {}).flatMap(([key, text]) => {
    const form = parseDocumentNumberKey(key);
    if (!form || text === '') return [];
    const mine = local.find(
      (n) => n.text === text && n.docType === form.docType && n.itemId === form.itemId,
    );
    return [mine ?? fromText(form.docType, form.itemId, ownerId, text)];
  });
}

/** Why no new number may be drawn for the form now, or null when it may. */
export function notNumberableNow(record: CaseRecord, input: IssueInput): Failure | null {
  const params = { docType: docTypeName(input.docType) };
  if (isTerminalStage(record.stage)) return fail('RULE', 'numbers.notYetEnded', params);
  if (numberableNow(input.docType, record)) return null;
  const from = DOCUMENT_NUMBERING[input.docType].numberFrom.stage;
  return fail('RULE', 'numbers.notYet', { ...params, stage: from });
}

/**
 * Why a numbered form of a case still prints with a blank 文书字号, for the list of forms: not
 * yet at the stage that numbers it, the case has ended, or this user may not draw one. Null when
 * it has its number, or a print now would draw one.
 */
export function blankNumberReason(
  ctx: ServiceContext,
  record: CaseRecord,
  input: IssueInput,
): MessageRef | null {
  if (findIssued(ctx.store, input)) return null;
  const early = notNumberableNow(record, input);
  if (early) return early.error.message;
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor.error.message;
  if (permissionFailure(actor, 'record.edit', record.ownerUserId)) {
    return { key: 'numbers.notEditor', params: { docType: docTypeName(input.docType) } };
  }
  return null;
}

function draw(ctx: ServiceContext, input: IssueInput, record: CaseRecord): Result<IssuedNumber> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const refused = permissionFailure(actor, 'record.edit', record.ownerUserId);
  if (refused)
    return fail('FORBIDDEN', 'numbers.notEditor', { docType: docTypeName(input.docType) });
  const early = notNumberableNow(record, input);
  if (early) return early;
  const at = ctx.now();
  const year = numberYear(at);
  // A number this device issued before the case data held it (kept in issued_numbers) is the
  // form's number: written into the case now rather than drawing another.
  const had = ctx.store.numbers.issuedFor(input.docType, 'case', input.ownerId, input.itemId);
  let row: IssuedNumberRow;
  if (had) row = had;
  else {
    const block = ctx.store.numbers.openBlock(input.docType, year);
    if (!block) return fail('RULE', 'numbers.empty', { docType: docTypeName(input.docType) });
    // The write lock is held (IMMEDIATE), so nobody took this number since it was read.
    if (!ctx.store.numbers.take(block))
      throw new Error(`number block ${block.id} moved under lock`);
    row = {
      docType: input.docType,
      year,
      prefix: block.prefix,
      number: block.next,
      text: formatDocumentNumber(block.prefix, year, block.next),
      blockId: block.id,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      itemId: input.itemId,
      issuedBy: actor.id,
      issuedAt: at.toISOString(),
    };
    ctx.store.numbers.insertIssued(row);
  }
  const key = documentNumberKey(input.docType, input.itemId);
  const written = writeCaseData(ctx, actor, record, {
    ...record.data,
    documentNumbers: { ...(record.data.documentNumbers ?? {}), [key]: row.text },
  });
  // Thrown, not returned: the transaction must not keep a drawn number the case does not hold.
  if (!written.ok) throw new NumberNotWritten(written);
  return ok(toIssued(row));
}

/** A refusal of the case write after a number was drawn: the whole transaction rolls back. */
class NumberNotWritten extends Error {
  constructor(readonly failure: Failure) {
    super('document number not written to the case');
  }
}

export function issueNumber(ctx: ServiceContext, input: IssueInput): Result<IssuedNumber> {
  if (documentKindDef(input.docType).owner !== input.ownerType) {
    return fail('VALIDATION', 'numbers.wrongOwner', undefined, {
      ownerType: { key: 'v.enum' },
    });
  }
  try {
    return inTransaction(ctx, () => {
      const record = ctx.store.cases.get(input.ownerId);
      if (!record) return fail('NOT_FOUND', 'e.notFound');
      const actor = currentActor(ctx);
      if (isFailure(actor)) return actor;
      const had = findIssued(ctx.store, input);
      if (had) return ok(had);
      return draw(ctx, input, record);
    });
  } catch (err) {
    if (err instanceof NumberNotWritten) return err.failure;
    throw err;
  }
}
