/** What the builders read: the record, and what the device knows around it. */
import type { CaseRecord } from '../../domain/case/record';
import type { SpotCheckRecord } from '../../schemas/spotCheck';
import { documentKindDef, type DocumentKind } from '../kinds';
import type { CredentialLookup } from '../people';
import type { HeaderView } from '../view';

export interface CaseDocumentInput {
  record: CaseRecord;
  /** 执法机关: the unit whose forms these are. */
  agencyName: string;
  /** The 文书字号 of a form of this case; '' when none is known. */
  numberOf: (kind: DocumentKind, itemId: string) => string;
  /** An officer's 执法证号 from the people register when the case left it empty. */
  credentialOf?: CredentialLookup;
}

export interface SpotCheckDocumentInput {
  record: SpotCheckRecord;
  agencyName: string;
  /** The product category's name (the catalog is reference data the device holds). */
  categoryName: string;
}

export function headerFor(
  kind: DocumentKind,
  agencyName: string,
  documentNumber: string,
  title = documentKindDef(kind).zh,
): HeaderView {
  return { agency: agencyName, title, documentNumber };
}
