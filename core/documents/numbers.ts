/**
 * The 文书字号 a form prints: the one the case data holds for it (written when the form was
 * numbered, on whichever device, and synced), or '' (a blank line to write it by hand) while it
 * has none. Reading never issues a number; core/numbers/issue.ts does, when a form is printed.
 */
import { documentNumberKey } from '../../shared/documents/numbers';
import type { DocumentKind } from '../../shared/documents/kinds';
import type { CaseData } from '../../shared/schemas/case';

export function numberLookup(data: CaseData): (kind: DocumentKind, itemId: string) => string {
  const numbers = data.documentNumbers ?? {};
  return (kind, itemId) => numbers[documentNumberKey(kind, itemId)] ?? '';
}
