/**
 * What the case and review handlers share: the server's own clock for the state machine, the
 * workflow part of a stored case, and how a refusal of the shared rules becomes a rejection.
 */
import type { CaseRuleError, MachineContext } from '../../../shared/domain/case/machine';
import type { Actor, CaseWorkflow } from '../../../shared/domain/case/record';
import { chinaDate } from '../../../shared/domain/deadlines/today';
import type { CaseData } from '../../../shared/schemas/case';
import { translate } from '../../../shared/i18n/translate';
import type { Doc } from '../../../shared/sync/paths';
import type { Caller } from '../scope';
import { reject, type Rejection } from './types';

/**
 * The state machine runs on the server's clock (a device's time is never trusted), with
 * "today" the Beijing calendar day whatever zone the server runs in.
 */
export function machineContext(now: Date): MachineContext {
  return { today: chinaDate(now), at: now.toISOString() };
}

export function actorOf(caller: Caller): Actor {
  return { id: caller.user.id, name: caller.user.name, role: caller.user.role };
}

const WORKFLOW_KEYS = [
  'stage',
  'rev',
  'pending',
  'approvals',
  'stageHistory',
  'filedAt',
  'decidedAt',
  'closedAt',
] as const satisfies readonly (keyof CaseWorkflow)[];

/** The workflow part of a stored case document (written only by the state machine). */
export function workflowOf(doc: Doc): CaseWorkflow {
  const wf: Doc = {};
  for (const k of WORKFLOW_KEYS) wf[k] = doc[k];
  return wf as unknown as CaseWorkflow;
}

/** Stored case content was validated by CaseDataSchema when it was written. */
export const caseDataOf = (doc: Doc): CaseData => doc.data as CaseData;

/** Where the names of the codes a rule message mentions are (first one found wins). */
const PARAM_LABELS: Record<string, (code: string) => string[]> = {
  stage: (c) => [`cases.stages.${c}`],
  transition: (c) => [`cases.transitions.${c}`],
  step: (c) => [`cases.transitions.${c}`],
  level: (c) => [`cases.levels.${c}`],
  field: (c) => [`cases.fields.${c}`, `cases.sections.${c}`],
};

/** The params with codes (a stage, a step, a field path) replaced by their Chinese names. */
function labelled(params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const keys = typeof value === 'string' ? (PARAM_LABELS[name]?.(value) ?? []) : [];
    // translate() answers with the key itself when there is no such text.
    out[name] =
      keys.map((key) => [key, translate({ key })]).find(([k, t]) => t !== k)?.[1] ?? value;
  }
  return out;
}

/** A refusal of the state machine, or a review rule keyed the same way (`caseRule.*`, `perm.*`). */
export type RuleRefusal = Omit<CaseRuleError, 'key'> & {
  key: CaseRuleError['key'] | ReviewRuleKey | 'caseRule.numberFixed';
};
export type ReviewRuleKey = 'caseRule.approvedLocked' | 'caseRule.spotCheckNotSubmitted';

/**
 * A refusal by the shared rules: `permission` for the role and ownership rules, `caseRule` for
 * the rest. The message is the rule's Chinese text; details carry the rule key, its params and
 * the missing fields so the app can show them next to the fields.
 */
export function ruleRejection(e: RuleRefusal): Rejection {
  const reason = e.key.startsWith('perm.') ? 'permission' : 'caseRule';
  return reject(
    reason,
    { message: translate({ key: e.key, ...(e.params ? { params: labelled(e.params) } : {}) }) },
    {
      ruleKey: e.key,
      ...(e.params ? { ruleParams: e.params } : {}),
      ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}),
    },
  );
}
