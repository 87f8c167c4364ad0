/** Printed forms (文书): preview, PDF, numbering, verification. Filled in by the forms work. */
export const DOCUMENT_API = {} as const;
