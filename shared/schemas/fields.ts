/**
 * Field building blocks shared by every schema. Each error message is an i18n key from
 * shared/i18n/messages.ts, so core, server and UI report the same words.
 */
import { z } from 'zod';
import { creditCodeProblem, normalizeCreditCode } from '../domain/creditCode';
import { REGION_CODES } from '../domain/regions';

const typeError = (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null ? 'v.required' : 'v.type';

/** Optional free text: empty string means "not filled in". */
export const optionalText = (max: number) =>
  z.string({ error: typeError }).trim().max(max, { error: 'v.tooLong' });

/** Required free text. */
export const requiredText = (max: number) => optionalText(max).min(1, { error: 'v.required' });

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/;
export const phone = z
  .string({ error: typeError })
  .trim()
  .refine((v) => v === '' || PHONE.test(v), { error: 'v.phone' });

export const creditCode = z
  .string({ error: typeError })
  .transform(normalizeCreditCode)
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.creditCode.${problem}` });
  });

/** A credit code that may be left empty (e.g. an individual trader without one). */
export const optionalCreditCode = z
  .string({ error: typeError })
  .transform(normalizeCreditCode)
  .superRefine((v, ctx) => {
    if (v === '') return;
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.creditCode.${problem}` });
  });

export const regionCode = z.enum(REGION_CODES, { error: 'v.region' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const optionalDate = z
  .string({ error: typeError })
  .trim()
  .refine((v) => v === '' || isIsoDate(v), { error: 'v.date' });

export const requiredDate = z
  .string({ error: typeError })
  .trim()
  .min(1, { error: 'v.required' })
  .refine(isIsoDate, { error: 'v.date' });

const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;
const INTEGER = /^[1-9]\d{0,9}$/;

export const optionalDecimal = z
  .string({ error: typeError })
  .trim()
  .refine((v) => v === '' || DECIMAL.test(v), { error: 'v.decimal' });

export const requiredPositiveInteger = z
  .string({ error: typeError })
  .trim()
  .min(1, { error: 'v.required' })
  .refine((v) => INTEGER.test(v), { error: 'v.integer' });

export const optionalNonNegativeInteger = z
  .string({ error: typeError })
  .trim()
  .refine((v) => v === '' || v === '0' || INTEGER.test(v), { error: 'v.integer' });

/** Enforcement credential number (执法证号): letters, digits and dashes. */
export const credentialNumber = z
  .string({ error: typeError })
  .trim()
  .min(1, { error: 'v.required' })
  .max(32, { error: 'v.tooLong' })
  .regex(/^[0-9A-Za-z-]{4,32}$/, { error: 'v.credential' });

export const uuid = z
  .string({ error: typeError })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: 'v.id' });
