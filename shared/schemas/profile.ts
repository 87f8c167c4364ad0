import { z } from 'zod';
import { credentialNumber, regionCode, requiredText } from './fields';

/** The inspector who uses this laptop, set up on first run. */
export const ProfileInputSchema = z.strictObject({
  name: requiredText(50),
  credentialNumber,
  unitName: requiredText(100),
  regionCode,
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export interface Profile extends ProfileInput {
  id: string;
  createdAt: string;
}
