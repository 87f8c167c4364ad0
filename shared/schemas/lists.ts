import { z } from 'zod';
import { isIsoDate } from './fields';
import { REGION_CODES } from '../domain/regions';
import { LIST_STATUSES } from './enterprise';
import { SPOT_CHECK_STATUSES, type SpotCheckStatus } from './spotCheck';

export const MAX_PAGE = 500;

const page = {
  offset: z.number({ error: 'v.type' }).int().nonnegative().default(0),
  limit: z.number({ error: 'v.type' }).int().min(1).max(MAX_PAGE).default(50),
  dir: z.enum(['asc', 'desc'], { error: 'v.enum' }).default('desc'),
  q: z.string({ error: 'v.type' }).trim().max(100, { error: 'v.tooLong' }).default(''),
};

const dateFilter = z
  .string({ error: 'v.type' })
  .refine((v) => v === '' || isIsoDate(v), { error: 'v.date' })
  .default('');

export const SPOT_CHECK_SORTS = [
  'updatedAt',
  'samplingDate',
  'recordNumber',
  'sampleName',
  'unitName',
] as const;

export const SpotCheckListQuerySchema = z
  .strictObject({
    ...page,
    sort: z.enum(SPOT_CHECK_SORTS, { error: 'v.enum' }).default('updatedAt'),
    statuses: z
      .array(z.enum(SPOT_CHECK_STATUSES, { error: 'v.enum' }))
      .max(SPOT_CHECK_STATUSES.length)
      .default([]),
    dateFrom: dateFilter,
    dateTo: dateFilter,
    categoryCode: z.string({ error: 'v.type' }).max(40).default(''),
    regionCode: z.union([z.literal(''), z.enum(REGION_CODES)], { error: 'v.region' }).default(''),
    /** Hide records a correction has replaced. */
    currentOnly: z.boolean().default(false),
  })
  .refine((q) => !q.dateFrom || !q.dateTo || q.dateFrom <= q.dateTo, {
    error: 'v.dateRange',
    path: ['dateTo'],
  });
export type SpotCheckListQuery = z.infer<typeof SpotCheckListQuerySchema>;

export interface SpotCheckSummary {
  id: string;
  status: SpotCheckStatus;
  version: number;
  recordNumber: string;
  sampleName: string;
  unitName: string;
  categoryCode: string;
  regionCode: string;
  samplingDate: string;
  updatedAt: string;
  supersededById: string | null;
}

export const ENTERPRISE_SORTS = ['name', 'updatedAt', 'creditCode'] as const;

export const EnterpriseListQuerySchema = z.strictObject({
  ...page,
  sort: z.enum(ENTERPRISE_SORTS, { error: 'v.enum' }).default('updatedAt'),
  regionCode: z.union([z.literal(''), z.enum(REGION_CODES)], { error: 'v.region' }).default(''),
  listStatus: z.union([z.literal(''), z.enum(LIST_STATUSES)], { error: 'v.enum' }).default(''),
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuerySchema>;

export interface EnterpriseSummary {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  creditGrade: string;
  listStatus: string;
  updatedAt: string;
}

export interface Page<T> {
  total: number;
  rows: T[];
}
