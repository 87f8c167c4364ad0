import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseContract';
import type { MessageRef } from '../../../shared/api/result';
import {
  CASE_STAGES,
  isApprovalStep,
  isTerminalStage,
  TRANSITION_TABLE,
  type CaseStage,
  type CaseTransition,
} from '../../../shared/domain/case/stages';
import { askConfirm } from '../../store/appStore';
import { OpinionDialog } from '../review/OpinionDialog';

/** The main line of the procedure; the other terminal stages are branches off it. */
const MAIN_PATH: readonly CaseStage[] = CASE_STAGES.filter(
  (s) => !isTerminalStage(s) || s === TRANSITION_TABLE.close.to,
);

/** The stages to draw: the main line, or the part walked before a branch and the branch. */
function pathOf(detail: CaseDetail): { stages: CaseStage[]; at: number } {
  const { stage, stageHistory } = detail.record;
  const at = MAIN_PATH.indexOf(stage);
  if (at >= 0) return { stages: [...MAIN_PATH], at };
  const left = stageHistory[stageHistory.length - 1]?.from ?? 'accepted';
  const walked = MAIN_PATH.slice(0, MAIN_PATH.indexOf(left) + 1);
  return { stages: [...walked, stage], at: walked.length };
}

/**
 * 办案程序: where the case stands on the procedure, what is waiting for approval, and the steps
 * the machine allows now (CaseDetail.available). Approval steps ask for the 承办人意见 first;
 * the others ask for confirmation. Refusals come back to the form, which shows them on fields.
 */
export function ProcedureBar({
  detail,
  canAct,
  onStep,
}: {
  detail: CaseDetail;
  canAct: boolean;
  /** Saves, then asks the core; resolves null when done or the message to show in the dialog. */
  onStep: (transition: CaseTransition, opinion: string) => Promise<MessageRef | null>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<CaseTransition | null>(null);
  // The opinion survives a refused request, so a second try does not start from nothing.
  const [opinions, setOpinions] = useState<Partial<Record<CaseTransition, string>>>({});
  const { record } = detail;
  const { stages, at } = pathOf(detail);
  const stepName = (tr: CaseTransition) => t(`cases.transitions.${tr}`);

  const start = async (tr: CaseTransition) => {
    if (isApprovalStep(tr)) {
      setAsking(tr);
      return;
    }
    const ok = await askConfirm({
      title: t(`cases.transitionActions.${tr}`),
      body: t('cases.procedure.confirmDirect', {
        step: stepName(tr),
        stage: t(`cases.stages.${TRANSITION_TABLE[tr].to}`),
      }),
      okLabel: t('common.confirm'),
      cancelLabel: t('common.cancel'),
    });
    if (ok) await onStep(tr, '');
  };

  const available = canAct ? detail.available : [];
  return (
    <div className="procedure card" aria-labelledby="procedure-title">
      <h2 id="procedure-title" className="sr-only">
        {t('cases.procedure.title')}
      </h2>
      <ol className="stage-path" aria-label={t('cases.procedure.path')}>
        {stages.map((s, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'todo';
          return (
            <li
              key={s}
              className={`stage-step stage-step--${state}${isTerminalStage(s) && s !== 'closed' ? ' stage-step--branch' : ''}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="stage-dot" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="stage-name">{t(`cases.stagesShort.${s}`)}</span>
            </li>
          );
        })}
      </ol>
      <div className="procedure-row">
        <span className="procedure-current">
          <span className="muted">
            {t('cases.procedure.current')}
            {t('cases.colon')}
          </span>
          <strong data-testid="case-stage">{t(`cases.stages.${record.stage}`)}</strong>
        </span>
        {record.pending && detail.nextLevel ? (
          <span className="badge badge-amber procedure-waiting" role="status">
            {t('cases.procedure.waiting', {
              step: stepName(record.pending.step),
              level: t(`cases.levels.${detail.nextLevel}`),
            })}
          </span>
        ) : null}
        {available.length > 0 ? (
          <div className="procedure-steps" role="group" aria-label={t('cases.procedure.steps')}>
            {available.map((tr) => (
              <button
                key={tr}
                type="button"
                className={`btn ${TRANSITION_TABLE[tr].to === stages[at + 1] ? 'btn-primary' : ''}`}
                onClick={() => void start(tr)}
              >
                {t(`cases.transitionActions.${tr}`)}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {asking ? (
        <OpinionDialog
          title={t(`cases.transitionActions.${asking}`)}
          body={t('cases.procedure.confirmApproval')}
          label={t('cases.procedure.handlerOpinion')}
          initialText={opinions[asking] ?? ''}
          required={{ key: 'caseRule.opinionRequired' }}
          okLabel={t('cases.procedure.submitRequest')}
          onSubmit={async (text) => {
            setOpinions((o) => ({ ...o, [asking]: text }));
            return onStep(asking, text);
          }}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}
