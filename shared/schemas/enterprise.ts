import { z } from 'zod';
import { creditCode, optionalText, phone, regionCode, requiredText, uuid } from './fields';

export const CREDIT_GRADES = ['', 'A', 'B', 'C', 'D'] as const;
export const LIST_STATUSES = ['none', 'red', 'black'] as const;

/** What an inspector enters for an enterprise (被检查单位 / 生产者). */
export const EnterpriseInputSchema = z.strictObject({
  name: requiredText(200),
  creditCode,
  address: requiredText(300),
  regionCode,
  legalRepresentative: optionalText(50),
  contactPerson: optionalText(50),
  contactPhone: phone,
  licenceType: optionalText(100),
  licenceNumber: optionalText(100),
  creditGrade: z.enum(CREDIT_GRADES, { error: 'v.enum' }),
  listStatus: z.enum(LIST_STATUSES, { error: 'v.enum' }),
});
export type EnterpriseInput = z.infer<typeof EnterpriseInputSchema>;
/** The form's value before validation (credit code not yet normalized). */
export type EnterpriseFormValues = z.input<typeof EnterpriseInputSchema>;

export const EnterpriseUpdateSchema = z.strictObject({
  id: uuid,
  expectedRevision: z.number().int().nonnegative(),
  values: EnterpriseInputSchema,
});

export interface Enterprise extends EnterpriseInput {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export const EMPTY_ENTERPRISE: EnterpriseFormValues = {
  name: '',
  creditCode: '',
  address: '',
  regionCode: '210100',
  legalRepresentative: '',
  contactPerson: '',
  contactPhone: '',
  licenceType: '',
  licenceNumber: '',
  creditGrade: '',
  listStatus: 'none',
};
