import { useTranslation } from 'react-i18next';
import {
  isTerminalStage,
  type CaseStage,
  type CaseTransition,
} from '../../../shared/domain/case/stages';

/** The case's stage, and the step waiting for approval if any. */
export function StageBadge({
  stage,
  pendingStep,
}: {
  stage: CaseStage;
  pendingStep?: CaseTransition | null;
}) {
  const { t } = useTranslation();
  let tone = 'badge-blue';
  if (stage === 'closed') tone = 'badge-green';
  else if (isTerminalStage(stage)) tone = 'badge-grey';
  return (
    <span className="stage-badges">
      <span className={`badge ${tone}`} data-stage={stage}>
        {t(`cases.stages.${stage}`)}
      </span>
      {pendingStep ? (
        <span className="badge badge-amber">
          {t('cases.pendingBadge', { step: t(`cases.transitions.${pendingStep}`) })}
        </span>
      ) : null}
    </span>
  );
}
