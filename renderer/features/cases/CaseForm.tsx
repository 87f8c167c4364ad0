import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseDetail } from '../../../shared/api/caseContract';
import type { ApiError, MessageRef } from '../../../shared/api/result';
import {
  CASE_STAGES,
  isApprovalStep,
  isTerminalStage,
  lockedBy,
  type CaseStage,
  type CaseTransition,
} from '../../../shared/domain/case/stages';
import type { CaseData } from '../../../shared/schemas/case';
import { tMessage } from '../../i18n/messages';
import { askConfirm, showNotice } from '../../store/appStore';
import { SAVE_EVENT } from '../../components/useGlobalShortcuts';
import { useDraftSaver } from '../drafts/useDraftSaver';
import { SectionNav, sectionId } from '../spotChecks/SectionNav';
import { useSyncStore } from '../sync/syncStore';
import { ReviewDecisionBar } from '../review/ReviewDecisionBar';
import { CaseActionBar } from './CaseActionBar';
import { ProcedureBar } from './ProcedureBar';
import { ApprovalsPanel } from './ApprovalsPanel';
import { DeadlinesPanel } from './DeadlinesPanel';
import { TimelinePanel } from './TimelinePanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { CaseFormContext, type CaseFormContextValue } from './caseFormContext';
import { caseCopies, caseDraftTarget, caseTakesEdits, completeCaseData } from './caseDrafts';
import { caseDataPath, casePathLabel, caseSectionOf } from './casePaths';
import { localizeCaseMessage } from './caseMessages';
import { BasicSection, FactsSection } from './sections/BasicSection';
import { PartiesSection } from './sections/PartiesSection';
import { OfficersSection } from './sections/OfficersSection';
import { ProductSection } from './sections/ProductSection';
import { EvidenceSection } from './sections/EvidenceSection';
import { MeasuresSection } from './sections/MeasuresSection';
import { InquiriesSection } from './sections/InquiriesSection';
import {
  AmountsSection,
  DecisionSection,
  ExecutionSection,
  NoticeSection,
  OnSiteSection,
  TransferSection,
} from './sections/RecordSections';

const SECTIONS = [
  'basic',
  'parties',
  'officers',
  'facts',
  'product',
  'amounts',
  'evidence',
  'measures',
  'inquiries',
  'onSite',
  'notice',
  'decision',
  'execution',
  'transfer',
] as const;

/** The first stage of the procedure in which a path is locked (to say since when). */
function lockedSince(path: string): CaseStage | null {
  return CASE_STAGES.find((s) => !isTerminalStage(s) && lockedBy(s, path) !== null) ?? null;
}

/** A refused step: the rule's message and what is missing, by data path. */
interface StepProblem {
  message: MessageRef;
  fields: Record<string, MessageRef>;
}

/** Problems by data path from a refused save (`data.parties.0.phone` → `parties.0.phone`). */
function saveFieldErrors(error: ApiError | null): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const [path, ref] of Object.entries(error?.fieldErrors ?? {})) {
    const p = caseDataPath(path);
    if (p) out[p] = ref;
  }
  return out;
}

/** Brings the first field with a problem (in page order) into view and focus. */
function revealFirstProblem(): void {
  setTimeout(() => {
    const first = document.querySelector<HTMLElement>(
      '.case-form [aria-invalid="true"], .case-form .field-error',
    );
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement) {
      first.focus({ preventScroll: true });
    }
  }, 50);
}

export function CaseForm({
  initialDetail,
  initialValues,
  restored,
  unapplied,
  reload,
}: {
  initialDetail: CaseDetail;
  initialValues: CaseData;
  restored: boolean;
  /** Unsaved input kept locally that this case can no longer take. */
  unapplied: boolean;
  /** Reopens the case from the store (a fresh form on its current content). */
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState(initialDetail);
  const { record } = detail;
  const editable = caseTakesEdits(detail);
  const { register, control, getValues, setValue, watch, reset } = useForm<CaseData>({
    defaultValues: initialValues,
  });
  const {
    saver,
    status,
    savedAt,
    error: saveError,
    lockedElsewhere,
  } = useDraftSaver({
    target: caseDraftTarget,
    id: record.id,
    revision: initialDetail.record.rev,
    base: completeCaseData(initialDetail.record.data),
    initiallyDirty: restored && editable,
    getValues,
    // After a merge with a change made elsewhere; only fields that differ from the screen.
    setField: (path, value) =>
      setValue(path as FieldPath<CaseData>, value as never, { shouldDirty: true }),
  });
  const [problem, setProblem] = useState<StepProblem | null>(null);
  const [showRestored, setShowRestored] = useState(restored);
  const [showUnapplied, setShowUnapplied] = useState(unapplied);
  const [busy, setBusy] = useState(false);
  const cause = useWatch({ control, name: 'cause' });

  useEffect(() => {
    if (!editable) return;
    // eslint-disable-next-line react-hooks/incompatible-library -- a change subscription inside an effect; nothing from watch() is read during render.
    const sub = watch((_values, info) => {
      const name = info.name;
      if (name) {
        // A problem goes away as soon as its field (or an item of its list) is edited.
        setProblem((p) => {
          if (!p) return p;
          const fields = Object.fromEntries(
            Object.entries(p.fields).filter(
              ([path]) => path !== name && !name.startsWith(`${path}.`),
            ),
          );
          return Object.keys(fields).length === Object.keys(p.fields).length ? p : { ...p, fields };
        });
      }
      saver.noteChange();
    });
    return () => sub.unsubscribe();
  }, [watch, editable, saver]);

  useEffect(() => {
    if (!editable) return;
    const onSave = () => void saver.saveNow();
    window.addEventListener(SAVE_EVENT, onSave);
    return () => window.removeEventListener(SAVE_EVENT, onSave);
  }, [editable, saver]);

  /**
   * Re-reads the case after a step, a decision or a sync round. The workflow (stage, approvals,
   * deadlines) updates in place; content changed elsewhere reopens the form when nothing typed
   * here is waiting to be saved (otherwise the next save merges it).
   */
  const refresh = useCallback(async () => {
    const r = await api()['case.get']({ id: record.id });
    if (!r.ok) return;
    const moved = r.value.record.rev !== saver.currentRevision();
    if (moved && !editable) {
      // Read-only here (a reviewer's view): show the new content in place, so an open
      // decision dialog and what was typed in it stay.
      reset(completeCaseData(r.value.record.data));
    } else if (moved && !saver.hasUnsaved()) {
      reload();
      return;
    }
    setDetail(r.value);
  }, [record.id, saver, reload, editable, reset]);

  const lastSyncAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const seenSyncAt = useRef(lastSyncAt);
  useEffect(() => {
    if (lastSyncAt === seenSyncAt.current) return;
    seenSyncAt.current = lastSyncAt;
    void refresh();
  }, [lastSyncAt, refresh]);

  const onStep = async (tr: CaseTransition, opinion: string): Promise<MessageRef | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await saver.saveNow();
      if (!saved) return { key: 'common.saveFailed' };
      const r = await api()['case.transition']({
        id: record.id,
        expectedRev: saver.currentRevision(),
        transition: tr,
        opinion,
      });
      if (!r.ok) {
        const message = localizeCaseMessage(t, r.error.message);
        const fields: Record<string, MessageRef> = {};
        for (const [path, ref] of Object.entries(r.error.fieldErrors ?? {})) {
          const p = caseDataPath(path);
          if (p) fields[p] = ref;
        }
        const hasFields = Object.keys(fields).length > 0;
        if (hasFields || !isApprovalStep(tr)) {
          setProblem({ message, fields });
          revealFirstProblem();
        }
        // What is missing shows on the fields; the dialog closes (its opinion is kept).
        return hasFields ? null : message;
      }
      showNotice({
        key: isApprovalStep(tr) ? 'cases.procedure.requested' : 'cases.procedure.done',
        params: { step: t(`cases.transitions.${tr}`) },
      });
      await refresh();
      return null;
    } finally {
      setBusy(false);
    }
  };

  const discardLocalCopy = async () => {
    const confirmed = await askConfirm({
      title: t('cases.discardLocalCopy'),
      body: t('cases.discardLocalCopyConfirm'),
      okLabel: t('cases.discardLocalCopy'),
      cancelLabel: t('common.cancel'),
    });
    if (!confirmed) return;
    caseCopies.clear(record.id);
    setShowUnapplied(false);
  };

  const stageName = t(`cases.stages.${record.stage}`);
  const savedProblems = useMemo(() => saveFieldErrors(saveError), [saveError]);
  const context: CaseFormContextValue = {
    register,
    control,
    getValues,
    readOnly: !editable,
    lockOf: (path) => lockedBy(record.stage, path),
    lockReason: (path) => {
      if (lockedBy(record.stage, path) === null) return null;
      const since = lockedSince(path);
      return t('cases.lockedReason', {
        stage: t(`cases.stagesShort.${since ?? record.stage}`),
      });
    },
    errorOf: (path) => problem?.fields[path] ?? savedProblems[path],
    caseId: record.id,
    saveSignatures: async (next) => {
      setValue('signatures', next, { shouldDirty: true });
      return saver.saveNow();
    },
  };

  const pending = record.pending;
  const handlerOpinion = pending?.signatures.find((s) => s.level === 'handler')?.opinion ?? '';
  const jump = (path: string) => {
    const el = document.getElementById(sectionId(caseSectionOf(path)));
    el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <section className="page page--record page--case" aria-labelledby="record-title">
      <CaseActionBar
        record={record}
        cause={cause}
        editable={editable}
        status={status}
        savedAt={savedAt}
        busy={busy}
        onSave={() => void saver.saveNow()}
      />
      <div className="record-layout">
        <SectionNav
          sections={SECTIONS}
          labelOf={(key) => t(`cases.sections.${key}`)}
          title={t('cases.sections.nav')}
        />
        <div className="record-main">
          <ProcedureBar detail={detail} canAct={editable && !busy} onStep={onStep} />
          {detail.canReview && pending && detail.nextLevel ? (
            <ReviewDecisionBar
              target={{
                targetType: 'case',
                targetId: record.id,
                step: pending.step,
                level: detail.nextLevel,
                targetRev: record.rev,
              }}
              heading={t('cases.review.barCase', {
                step: t(`cases.transitions.${pending.step}`),
                level: t(`cases.levels.${detail.nextLevel}`),
              })}
              detail={
                handlerOpinion
                  ? t('cases.review.handlerOpinion', { opinion: handlerOpinion })
                  : undefined
              }
              onDecided={() => void refresh()}
              onStale={() => void refresh()}
            />
          ) : null}
          <div className="record-notices">
            {saveError ? (
              <div className="banner banner-error" role="alert">
                <strong className="banner-title">{t('common.saveFailed')}</strong>
                <div className="banner-text">
                  {tMessage(t, localizeCaseMessage(t, saveError.message))}
                </div>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void saver.saveNow()}
                >
                  {t('common.retry')}
                </button>
              </div>
            ) : null}
            {problem ? (
              <div className="banner banner-error" role="alert">
                <div className="banner-text">
                  <strong>{tMessage(t, problem.message)}</strong>
                  {Object.keys(problem.fields).length > 0 ? (
                    <ul className="problem-list">
                      {Object.entries(problem.fields).map(([path, ref]) => (
                        <li key={path}>
                          <button type="button" className="link-button" onClick={() => jump(path)}>
                            {casePathLabel(t, path)}
                          </button>
                          {t('cases.colon')}
                          {tMessage(t, ref)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => setProblem(null)}
                >
                  {t('common.close')}
                </button>
              </div>
            ) : null}
            {showRestored ? (
              <div className="banner banner-info" role="status">
                <div className="banner-text">{t('cases.localCopyRestored')}</div>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => setShowRestored(false)}
                >
                  {t('common.close')}
                </button>
              </div>
            ) : null}
            {lockedElsewhere ? (
              <div className="banner banner-error" role="alert">
                <div className="banner-text">{t('cases.lockedElsewhere')}</div>
                <button type="button" className="btn btn-small" onClick={reload}>
                  {t('cases.reopen')}
                </button>
              </div>
            ) : null}
            {showUnapplied ? (
              <div className="banner banner-error" role="alert">
                <div className="banner-text">{t('cases.localCopyUnapplied')}</div>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => void discardLocalCopy()}
                >
                  {t('cases.discardLocalCopy')}
                </button>
              </div>
            ) : null}
            {isTerminalStage(record.stage) ? (
              <div className="banner banner-readonly" role="status">
                <div className="banner-text">{t('cases.terminalNotice', { stage: stageName })}</div>
              </div>
            ) : !detail.canEdit ? (
              <div className="banner banner-readonly" role="status">
                <div className="banner-text">
                  {t('cases.foreignNotice', { owner: record.ownerName })}
                </div>
              </div>
            ) : pending && detail.nextLevel ? (
              <div className="banner banner-info" role="status">
                <div className="banner-text">
                  {t('cases.pendingNotice', {
                    step: t(`cases.transitions.${pending.step}`),
                    level: t(`cases.levels.${detail.nextLevel}`),
                  })}
                </div>
              </div>
            ) : null}
          </div>
          <div className="case-panels">
            <DeadlinesPanel deadlines={detail.deadlines} measures={record.data.measures} />
            <ApprovalsPanel detail={detail} />
          </div>
          <CaseFormContext.Provider value={context}>
            <form
              className={`card case-form${editable ? '' : ' is-readonly'}`}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void saver.saveNow();
              }}
            >
              <h2 id="record-title" className="doc-title">
                {t('cases.formTitle')}
              </h2>
              <BasicSection />
              <PartiesSection />
              <OfficersSection />
              <FactsSection />
              <ProductSection />
              <AmountsSection />
              <EvidenceSection />
              <MeasuresSection />
              <InquiriesSection />
              <OnSiteSection />
              <NoticeSection />
              <DecisionSection />
              <ExecutionSection />
              <TransferSection />
            </form>
          </CaseFormContext.Provider>
          <TimelinePanel
            caseId={record.id}
            refreshKey={`${record.rev}-${record.stage}-${record.pending?.signatures.length ?? 0}-${savedAt?.getTime() ?? 0}`}
          />
          <DocumentsPanel
            ownerType="case"
            ownerId={record.id}
            refreshKey={record.rev + (savedAt?.getTime() ?? 0)}
          />
        </div>
      </div>
    </section>
  );
}
