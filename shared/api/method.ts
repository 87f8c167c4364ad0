/** How a method of the API contract is declared: its input schema and (phantom) result type. */
import { z } from 'zod';

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the result type, never read at run time. */
  output?: O;
}

export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });

export const noInput = z.strictObject({});
