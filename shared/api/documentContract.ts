/**
 * Printed forms (文书): the forms a record can print, preview, print (logged), save as PDF
 * (logged), and the check of a printed form's QR code against the record.
 */
import { z } from 'zod';
import type { MessageRef } from './result';
import { DOCUMENT_KIND_NAMES, DOCUMENT_OWNER_TYPES } from '../documents/kinds';
import type { DocumentKind, DocumentOwnerType } from '../documents/kinds';
import { uuid } from '../schemas/fields';
import { method } from './method';

export const DocumentOwnerSchema = z.strictObject({
  ownerType: z.enum(DOCUMENT_OWNER_TYPES, { error: 'v.enum' }),
  ownerId: uuid,
});

/** One form of one record; `itemId` names the inquiry or measure of a per-item form. */
export const DocumentRefSchema = DocumentOwnerSchema.extend({
  kind: z.enum(DOCUMENT_KIND_NAMES, { error: 'v.enum' }),
  itemId: z.union([z.literal(''), uuid], { error: 'v.id' }).default(''),
});
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

export const PRINT_OUTPUTS = ['print', 'pdf'] as const;
export type PrintOutput = (typeof PRINT_OUTPUTS)[number];

export interface PrintLogEntry {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  itemId: string;
  documentNumber: string;
  recordVersion: number;
  contentHash: string;
  copy: boolean;
  output: PrintOutput;
  printedById: string;
  printedByName: string;
  printedAt: string;
}

export interface DocumentListItem {
  kind: DocumentKind;
  itemId: string;
  title: string;
  /** Which inquiry or measure ('' for forms made once per record). */
  itemLabel: string;
  /** Prints of this form on this device, any content. */
  printCount: number;
  lastPrintedAt: string | null;
  /** Whether the form as the record stands now was printed before (a print now is a copy). */
  currentPrinted: boolean;
  /** For a numbered form printed without its 文书字号 now: why (to say so beside the form). */
  blankNumberReason: MessageRef | null;
}

/** A filled form, ready to show or print. */
export interface RenderedDocument {
  html: string;
  title: string;
  /** SHA-256 of the filled form's content (its view model), as the QR code carries it. */
  contentHash: string;
  /** The QR code's text. */
  payload: string;
  /** A PDF file name for this form, e.g. 行政处罚决定书-沈阳鑫达电线电缆有限公司.pdf. */
  fileName: string;
  /** This content was printed before: the paper is marked 副本. */
  copy: boolean;
}

export interface IssuedDocument extends RenderedDocument {
  /** The print log entry written for it. */
  printId: string;
}

export interface DocumentPdf {
  pdfBase64: string;
  fileName: string;
  copy: boolean;
  contentHash: string;
  printId: string;
}

export const VERIFY_VERDICTS = ['match', 'changed', 'unknownRecord', 'malformed'] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];

export interface DocumentVerification {
  verdict: VerifyVerdict;
  /** Present unless malformed. */
  ownerType?: DocumentOwnerType;
  ownerId?: string;
  kind?: DocumentKind;
  itemId?: string;
  title?: string;
  /** The record's revision printed on the paper, and the record's revision now. */
  paperVersion?: number;
  currentVersion?: number;
  /** The print on this device that made this paper, when there is one. */
  printedAt?: string;
  printedByName?: string;
  copy?: boolean;
}

export const DocumentVerifySchema = z.strictObject({
  payload: z.string({ error: 'v.type' }).max(1000, { error: 'v.tooLong' }),
});

export const DOCUMENT_API = {
  'documents.list': method<DocumentListItem[]>()(DocumentOwnerSchema),
  /** The form as it would print now (nothing is logged). */
  'documents.preview': method<RenderedDocument>()(DocumentRefSchema),
  /** The form to print: logged (a reprint of the same content is a copy, marked 副本). */
  'documents.issue': method<IssuedDocument>()(
    DocumentRefSchema.extend({ output: z.enum(PRINT_OUTPUTS, { error: 'v.enum' }) }),
  ),
  /** The form as a PDF made by Chromium (browser shell); logged like a print. */
  'documents.pdf': method<DocumentPdf>()(DocumentRefSchema),
  'documents.verify': method<DocumentVerification>()(DocumentVerifySchema),
  'documents.printLog': method<PrintLogEntry[]>()(DocumentOwnerSchema),
} as const;
