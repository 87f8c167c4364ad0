/**
 * numbers.issue: the next unused number of a block, given to one document, in one local
 * transaction. Asking again for the same document (type + record + item) returns the number
 * it already has, so a form printed twice carries one number. Numbers run out → refused with
 * `numbers.empty` until the next sync brings a block (see shared/api/numberContract.ts).
 */
import type { IssuedNumber, NumberIssueSchema } from '../../shared/api/numberContract';
import { fail, ok, type Result } from '../../shared/api/result';
import { documentKindDef } from '../../shared/documents/kinds';
import { docTypeName, formatDocumentNumber } from '../../shared/documents/numbers';
import type { z } from 'zod';
import type { IssuedNumberRow } from '../../db/repositories/numbers';
import type { Store } from '../../db/store';
import {
  appendAudit,
  inTransaction,
  isFailure,
  requireProfile,
  type ServiceContext,
} from '../services/context';
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

function ownerExists(store: Store, ownerType: IssueInput['ownerType'], id: string): boolean {
  return ownerType === 'case' ? store.cases.get(id) !== null : store.spotChecks.get(id) !== null;
}

export function findIssued(store: Store, input: IssueInput): IssuedNumber | null {
  const r = store.numbers.issuedFor(input.docType, input.ownerType, input.ownerId, input.itemId);
  return r ? toIssued(r) : null;
}

export function listIssued(store: Store, ownerType: string, ownerId: string): IssuedNumber[] {
  return store.numbers.issuedByOwner(ownerType, ownerId).map(toIssued);
}

export function issueNumber(ctx: ServiceContext, input: IssueInput): Result<IssuedNumber> {
  if (documentKindDef(input.docType).owner !== input.ownerType) {
    return fail('VALIDATION', 'numbers.wrongOwner', undefined, {
      ownerType: { key: 'v.enum' },
    });
  }
  return inTransaction(ctx, () => {
    const actor = requireProfile(ctx);
    if (isFailure(actor)) return actor;
    const had = findIssued(ctx.store, input);
    if (had) return ok(had);
    if (!ownerExists(ctx.store, input.ownerType, input.ownerId))
      return fail('NOT_FOUND', 'e.notFound');
    const at = ctx.now();
    const year = numberYear(at);
    const block = ctx.store.numbers.openBlock(input.docType, year);
    if (!block) return fail('RULE', 'numbers.empty', { docType: docTypeName(input.docType) });
    // The write lock is held (IMMEDIATE), so nobody took this number since it was read.
    if (!ctx.store.numbers.take(block))
      throw new Error(`number block ${block.id} moved under lock`);
    const row: IssuedNumberRow = {
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
    const path = `documentNumbers.${input.docType}${input.itemId ? `.${input.itemId}` : ''}`;
    appendAudit(
      ctx,
      actor,
      input.ownerType,
      input.ownerId,
      'update',
      [{ path, old: null, new: row.text }],
      row.issuedAt,
    );
    return ok(toIssued(row));
  });
}
