/**
 * What every field of the case form needs to know, without threading it through each section:
 * the form's register/control, whether the whole form is read-only, which paths the current
 * stage has locked (and why), and the problems the core reported by data path.
 */
import { createContext, useContext } from 'react';
import type { Control, UseFormGetValues, UseFormRegister } from 'react-hook-form';
import type { MessageRef } from '../../../shared/api/result';
import type { CaseData } from '../../../shared/schemas/case';
import type { Signature } from '../../../shared/schemas/signature';

export interface CaseFormContextValue {
  register: UseFormRegister<CaseData>;
  control: Control<CaseData>;
  getValues: UseFormGetValues<CaseData>;
  /** Nothing on the page may change (someone else's case, a finished one, no rights). */
  readOnly: boolean;
  /** The locked prefix a path falls under in this stage, or null when it may change. */
  lockOf: (path: string) => string | null;
  /** Why a path cannot change in this stage (translated), or null when it may. */
  lockReason: (path: string) => string | null;
  /** The core's message for a data path (a refused save or a step's guard), if any. */
  errorOf: (path: string) => MessageRef | undefined;
  caseId: string;
  /** Puts a new signature list into the form and saves the case now; true once saved. */
  saveSignatures: (next: Signature[]) => Promise<boolean>;
}

export const CaseFormContext = createContext<CaseFormContextValue | null>(null);

export function useCaseForm(): CaseFormContextValue {
  const ctx = useContext(CaseFormContext);
  if (!ctx) throw new Error('case field outside the case form');
  return ctx;
}

/** The DOM id of a field, from its data path: `parties.0.name` → `case-parties-0-name`. */
export const caseFieldId = (path: string) => `case-${path.replace(/\./g, '-')}`;

/** The lock a section already announces at its top, so its fields do not repeat it. */
export const SectionLockContext = createContext<string | null>(null);
