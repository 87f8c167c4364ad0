import type { Migration } from './types';
import { m001Init } from './001_init';

/** Every migration this build knows, in order. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [m001Init];

export type { Migration } from './types';
