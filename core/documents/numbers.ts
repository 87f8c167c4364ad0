/**
 * The 文书字号 a form prints: the number issued to it on this device (core/numbers/), or ''
 * (a blank line to write it by hand) while it has none. Printing never issues a number; that
 * is the numbering's own step.
 */
import type { DocumentKind, DocumentOwnerType } from '../../shared/documents/kinds';
import type { Store } from '../../db/store';
import { listIssued } from '../numbers/issue';

export function numberLookup(
  store: Store,
  ownerType: DocumentOwnerType,
  ownerId: string,
): (kind: DocumentKind, itemId: string) => string {
  const issued = listIssued(store, ownerType, ownerId);
  return (kind, itemId) =>
    issued.find((n) => n.docType === kind && n.itemId === itemId)?.text ?? '';
}
