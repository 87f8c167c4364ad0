/**
 * Checks a printed form's QR payload against the record on this device: the paper matches
 * (the record would print exactly this content now), the record changed since it was printed,
 * the record is unknown here, or the text is no payload of ours.
 */
import type { DocumentVerification } from '../../shared/api/documentContract';
import { sourceVersion } from '../../shared/documents/build';
import { documentKindDef } from '../../shared/documents/kinds';
import { decodePayload } from '../../shared/documents/payload';
import type { Store } from '../../db/store';
import type { PrintLogRepository } from '../../db/repositories/printLog';
import { prepareFrom } from './prepare';
import { loadSource } from './source';

export function verifyPayload(
  store: Store,
  printLog: PrintLogRepository,
  text: string,
): DocumentVerification {
  const p = decodePayload(text);
  if (!p) return { verdict: 'malformed' };
  const about = {
    ownerType: p.ownerType,
    ownerId: p.ownerId,
    kind: p.kind,
    itemId: p.itemId,
    title: documentKindDef(p.kind).zh,
    paperVersion: p.version,
  };
  const source = loadSource(store, p.ownerType, p.ownerId);
  if (!source) return { verdict: 'unknownRecord', ...about };
  const print = printLog
    .withContent(p.contentHash)
    .find((e) => e.ownerId === p.ownerId && e.kind === p.kind && e.itemId === p.itemId);
  const printed = print
    ? { printedAt: print.printedAt, printedByName: print.printedByName, copy: print.copy }
    : {};
  const now = prepareFrom(source, { ...p });
  const current = {
    ...about,
    ...(now ? { title: now.title } : {}),
    currentVersion: sourceVersion(source),
    ...printed,
  };
  return { verdict: now && now.contentHash === p.contentHash ? 'match' : 'changed', ...current };
}
