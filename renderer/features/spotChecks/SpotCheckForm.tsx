import { useCallback, useEffect, useState } from 'react';
import { get, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SpotCheckWithHistory } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { completeSpotCheckData, type SpotCheckData } from '../../../shared/schemas/spotCheck';
import {
  SPOT_CHECK_GROUPS,
  type FieldSpec,
  type SpotCheckGroupKey,
} from '../../../shared/schemas/spotCheckFields';
import { encodeMessage, tMessage } from '../../i18n/messages';
import { askConfirm, showNotice, useAppStore } from '../../store/appStore';
import { navigate } from '../../routes/navigation';
import { routeHash } from '../../routes/routes';
import { findProduct } from '../../lib/labels';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SAVE_EVENT } from '../../components/useGlobalShortcuts';
import { AuditPanel } from '../audit/AuditPanel';
import { SpecField } from './SpecField';
import { SamplersSection } from './SamplersSection';
import { SpotCheckActionBar } from './SpotCheckActionBar';
import { SectionNav, sectionId } from './SectionNav';
import { VersionChain } from './VersionChain';
import { formNameFor, spotCheckPathLabel } from './paths';
import { useDraftSaver } from '../drafts/useDraftSaver';
import { spotCheckCopies, spotCheckDraftTarget, takesEdits } from './spotCheckDrafts';
import { SpotCheckReviewState } from './SpotCheckReviewState';
import { ReviewDecisionBar } from '../review/ReviewDecisionBar';
import { useReviewQueue } from '../review/reviewQueueStore';
import { PhotoSection } from '../photos/PhotoSection';
import { SignaturesPanel } from '../signatures/SignaturesPanel';
import { useSyncStore } from '../sync/syncStore';

type Name = FieldPath<SpotCheckData>;

/**
 * Section order on paper: samplers come after seals, before the sampled unit's signature.
 * Photos follow the seals they usually show.
 */
const SECTION_ORDER: (SpotCheckGroupKey | 'samplers' | 'photos')[] = [
  'basic',
  'sampledUnit',
  'producer',
  'sample',
  'seals',
  'photos',
  'samplers',
  'signatory',
  'result',
];

export function SpotCheckForm({
  history,
  initialValues,
  restored,
  unapplied,
  reload,
}: {
  history: SpotCheckWithHistory;
  initialValues: SpotCheckData;
  restored: boolean;
  /** Unsaved input kept locally that this (submitted) record can no longer take. */
  unapplied: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useAppStore((s) => s.catalog);
  const { record, versions } = history;
  // A supervisor pulls the whole unit: others' drafts are for reading, the server would refuse edits.
  // Primitive selectors, so sync polling never re-renders the form.
  const userId = useSyncStore((s) => s.status?.user?.id ?? null);
  const userRole = useSyncStore((s) => s.status?.user?.role ?? null);
  const foreign = userId !== null && userRole !== 'inspector' && record.createdBy !== userId;
  const readOnly = !takesEdits(record.status) || foreign;
  // A supervisor reviews what the queue offers: a submitted record of someone else, at the
  // server's revision the queue names (the approval covers exactly that content).
  const queuedRev = useReviewQueue(
    (s) =>
      s.items?.find((i) => i.targetType === 'spotCheck' && i.targetId === record.id)?.targetRev ??
      null,
  );
  const canReview =
    userRole === 'supervisor' && foreign && record.status === 'submitted' && queuedRev !== null;
  const {
    register,
    control,
    getValues,
    setValue,
    setError,
    clearErrors,
    getFieldState,
    watch,
    formState,
  } = useForm<SpotCheckData>({ defaultValues: initialValues });
  const errors = formState.errors;
  const {
    saver,
    status,
    savedAt,
    error: saveError,
    lockedElsewhere,
  } = useDraftSaver({
    target: spotCheckDraftTarget,
    id: record.id,
    revision: record.revision,
    base: completeSpotCheckData(record.data),
    initiallyDirty: restored && !readOnly,
    getValues,
    // After a merge with a change made elsewhere; only fields that differ from the screen.
    setField: (path, value) => setValue(path as Name, value as never, { shouldDirty: true }),
  });
  const [submitProblem, setSubmitProblem] = useState<{ error: ApiError; count: number } | null>(
    null,
  );
  const [showRestored, setShowRestored] = useState(restored);
  const [showUnapplied, setShowUnapplied] = useState(unapplied);
  const [busy, setBusy] = useState(false);

  const [sameAsSampledUnit, refused, imported, conclusion] = useWatch({
    control,
    name: [
      'producer.sameAsSampledUnit',
      'signatory.refused',
      'sample.imported',
      'result.conclusion',
    ],
  });
  const signatures = useWatch({ control, name: 'signatures' });

  useEffect(() => {
    if (readOnly) return;
    // eslint-disable-next-line react-hooks/incompatible-library -- a change subscription inside an effect; nothing from watch() is read during render.
    const sub = watch((_values, info) => {
      // A field's submit error goes away as soon as the inspector edits that field.
      if (info.name && getFieldState(info.name).error) clearErrors(info.name);
      saver.noteChange();
    });
    return () => sub.unsubscribe();
  }, [watch, readOnly, saver, getFieldState, clearErrors]);

  useEffect(() => {
    if (readOnly) return;
    const onSave = () => void saver.saveNow();
    window.addEventListener(SAVE_EVENT, onSave);
    return () => window.removeEventListener(SAVE_EVENT, onSave);
  }, [readOnly, saver]);

  const onCategoryChange = useCallback(
    (code: string) => {
      const product = findProduct(catalog, code);
      if (product?.standard && getValues('sample.executedStandard').trim() === '') {
        setValue('sample.executedStandard', product.standard, { shouldDirty: true });
        showNotice({ key: 'spotCheck.prefilledStandard' });
      }
    },
    [catalog, getValues, setValue],
  );

  const submit = async () => {
    const confirmed = await askConfirm({
      title: t('spotCheck.submitTitle'),
      body: t('spotCheck.submitConfirm'),
      okLabel: t('spotCheck.submit'),
      cancelLabel: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(true);
    setSubmitProblem(null);
    const saved = await saver.saveNow();
    if (!saved) {
      setBusy(false);
      return;
    }
    const result = await api()['spotCheck.submit']({
      id: record.id,
      expectedRevision: saver.currentRevision(),
    });
    setBusy(false);
    if (!result.ok) {
      const fieldErrors = Object.entries(result.error.fieldErrors ?? {});
      for (const [path, ref] of fieldErrors) {
        const name = formNameFor(path);
        if (name) setError(name as Name, { type: 'server', message: encodeMessage(ref) });
      }
      setSubmitProblem({ error: result.error, count: fieldErrors.length });
      // After the errors render, bring the first one (in page order) into view.
      setTimeout(() => {
        const first = document.querySelector<HTMLElement>(
          '.spot-form [aria-invalid="true"], .spot-form .field-error',
        );
        first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        if (
          first instanceof HTMLInputElement ||
          first instanceof HTMLSelectElement ||
          first instanceof HTMLTextAreaElement
        ) {
          first.focus({ preventScroll: true });
        }
      }, 50);
      return;
    }
    showNotice({ key: 'spotCheck.submitted' });
    reload();
  };

  const discardLocalCopy = async () => {
    const confirmed = await askConfirm({
      title: t('spotCheck.discardLocalCopy'),
      body: t('spotCheck.discardLocalCopyConfirm'),
      okLabel: t('spotCheck.discardLocalCopy'),
      cancelLabel: t('common.cancel'),
    });
    if (!confirmed) return;
    spotCheckCopies.clear(record.id);
    setShowUnapplied(false);
  };

  const openCase = async () => {
    const confirmed = await askConfirm({
      title: t('cases.spotCheckReview.openCaseTitle'),
      body: t('cases.spotCheckReview.openCaseBody'),
      okLabel: t('cases.spotCheckReview.openCase'),
      cancelLabel: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(true);
    // The case is made from the stored record: unsaved input goes in first.
    const saved = readOnly ? true : await saver.saveNow();
    const result = saved ? await api()['case.openFromSpotCheck']({ spotCheckId: record.id }) : null;
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      // Opened before (here or by a colleague): go to that case rather than refuse.
      const existing = result.error.message.params?.id;
      if (result.error.code === 'DUPLICATE' && typeof existing === 'string') {
        showNotice(result.error.message);
        navigate({ name: 'case', id: existing });
        return;
      }
      setSubmitProblem({ error: result.error, count: 0 });
      return;
    }
    showNotice({ key: 'cases.openedFromSpotCheck' });
    navigate({ name: 'case', id: result.value.id });
  };

  const createCorrection = async () => {
    setBusy(true);
    const result = await api()['spotCheck.createCorrection']({ id: record.id });
    setBusy(false);
    if (!result.ok) {
      setSubmitProblem({ error: result.error, count: 0 });
      return;
    }
    showNotice({ key: 'spotCheck.correctionCreated' });
    navigate({ name: 'spotCheck', id: result.value.id });
  };

  const isRequired = (group: SpotCheckGroupKey, spec: FieldSpec): boolean => {
    if (spec.required) return true;
    if (group === 'producer' && !sameAsSampledUnit)
      return spec.key === 'name' || spec.key === 'address';
    if (group === 'sample' && spec.key === 'origin') return imported;
    if (group === 'signatory')
      return refused ? spec.key === 'refusalReason' || spec.key === 'witness' : spec.key === 'name';
    return false;
  };

  const isVisible = (group: SpotCheckGroupKey, spec: FieldSpec): boolean => {
    // Hidden fields keep their values (react-hook-form keeps unmounted values by default).
    if (group === 'producer' && sameAsSampledUnit)
      return spec.key === 'sameAsSampledUnit' || spec.key === 'entrustedProducer';
    if (group === 'signatory' && !refused)
      return spec.key !== 'refusalReason' && spec.key !== 'witness';
    return true;
  };

  const superseding = record.supersededById
    ? versions.find((v) => v.id === record.supersededById)
    : undefined;
  const supersedes = record.supersedesId
    ? versions.find((v) => v.id === record.supersedesId)
    : undefined;

  return (
    <section className="page page--record" aria-labelledby="record-title">
      <SpotCheckActionBar
        foreign={foreign}
        record={record}
        status={status}
        savedAt={savedAt}
        busy={busy}
        onSave={() => void saver.saveNow()}
        onSubmit={() => void submit()}
        onCorrect={() => void createCorrection()}
        canOpenCase={conclusion === 'fail' && !foreign && record.supersededById === null}
        onOpenCase={() => void openCase()}
      />
      <div className="record-layout">
        <SectionNav sections={SECTION_ORDER} />
        <div className="record-main">
          <div className="record-notices">
            {saveError ? (
              <div className="banner banner-error" role="alert">
                <strong className="banner-title">{t('common.saveFailed')}</strong>
                <div className="banner-text">{tMessage(t, saveError.message)}</div>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void saver.saveNow()}
                >
                  {t('common.retry')}
                </button>
              </div>
            ) : null}
            {submitProblem ? (
              <ErrorBanner onClose={() => setSubmitProblem(null)}>
                {tMessage(t, submitProblem.error.message)}
                {submitProblem.count > 0
                  ? ` ${t('common.fixFields', { count: submitProblem.count })}`
                  : ''}
              </ErrorBanner>
            ) : null}
            {showRestored ? (
              <div className="banner banner-info" role="status">
                <div className="banner-text">{t('spotCheck.localCopyRestored')}</div>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => setShowRestored(false)}
                >
                  {t('common.close')}
                </button>
              </div>
            ) : null}
            {canReview && queuedRev !== null ? (
              <ReviewDecisionBar
                target={{
                  targetType: 'spotCheck',
                  targetId: record.id,
                  step: 'submit',
                  level: 'approve',
                  targetRev: queuedRev,
                }}
                heading={t('cases.review.barSpotCheck')}
                onDecided={reload}
              />
            ) : null}
            <SpotCheckReviewState record={record} />
            {lockedElsewhere ? (
              <div className="banner banner-error" role="alert">
                <div className="banner-text">{t('spotCheck.submittedElsewhere')}</div>
                <button type="button" className="btn btn-small" onClick={reload}>
                  {t('spotCheck.reopen')}
                </button>
              </div>
            ) : null}
            {showUnapplied ? (
              <div className="banner banner-error" role="alert">
                <div className="banner-text">{t('spotCheck.localCopyUnapplied')}</div>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => void discardLocalCopy()}
                >
                  {t('spotCheck.discardLocalCopy')}
                </button>
              </div>
            ) : null}
            {foreign && takesEdits(record.status) ? (
              <div className="banner banner-readonly" role="status">
                <div className="banner-text">{t('spotCheck.foreignNotice')}</div>
              </div>
            ) : null}
            {record.status === 'submitted' && !foreign && !superseding ? (
              <div className="banner banner-readonly" role="status">
                <div className="banner-text">{t('spotCheck.readOnlyNotice')}</div>
              </div>
            ) : null}
            {superseding ? (
              <div className="banner banner-superseded" role="status">
                <div className="banner-text">
                  {t('spotCheck.supersededNotice', { version: superseding.version })}
                </div>
                <a
                  className="btn btn-small"
                  href={routeHash({ name: 'spotCheck', id: superseding.id })}
                >
                  {t('spotCheck.viewVersion', { version: superseding.version })}
                </a>
              </div>
            ) : null}
            {supersedes ? (
              <p className="muted record-correction-of">
                {t('spotCheck.correctionOf', { version: supersedes.version })} ·{' '}
                <a href={routeHash({ name: 'spotCheck', id: supersedes.id })}>
                  {t('spotCheck.viewVersion', { version: supersedes.version })}
                </a>
              </p>
            ) : null}
          </div>
          <form
            className={`card spot-form${readOnly ? ' is-readonly' : ''}`}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void saver.saveNow();
            }}
          >
            <h2 id="record-title" className="doc-title">
              {t('spotCheck.title')}
            </h2>
            {SECTION_ORDER.map((key) => (
              <section
                key={key}
                id={sectionId(key)}
                className="form-section"
                aria-labelledby={`${sectionId(key)}-h`}
              >
                <h3 id={`${sectionId(key)}-h`} className="section-title">
                  {t(`groups.${key}`)}
                </h3>
                {key === 'photos' ? (
                  // Outside any disabled fieldset: a read-only record's photos still open.
                  <PhotoSection ownerId={record.id} canAdd={!readOnly} />
                ) : (
                  /* A disabled fieldset makes every control read-only without touching the form's values. */
                  <fieldset disabled={readOnly} className="record-fieldset">
                    {key === 'samplers' ? (
                      <SamplersSection
                        control={control}
                        register={register}
                        errors={errors.samplers}
                        readOnly={readOnly}
                      />
                    ) : (
                      <div className="form-grid">
                        {SPOT_CHECK_GROUPS.find((g) => g.key === key)
                          ?.fields.filter((spec) => isVisible(key, spec))
                          .map((spec) => (
                            <SpecField
                              key={spec.key}
                              group={key}
                              spec={spec}
                              register={register}
                              error={
                                (
                                  get(errors, `${key}.${spec.key}`) as
                                    { message?: string } | undefined
                                )?.message
                              }
                              required={isRequired(key, spec)}
                              onCategoryChange={
                                spec.kind === 'category' ? onCategoryChange : undefined
                              }
                            />
                          ))}
                      </div>
                    )}
                  </fieldset>
                )}
                {key === 'signatory' ? (
                  <SignaturesPanel
                    ownerType="spotCheck"
                    ownerId={record.id}
                    documentKind="samplingSheet"
                    value={signatures}
                    readOnly={readOnly}
                    onChange={(next) => {
                      setValue('signatures', next, { shouldDirty: true });
                      return saver.saveNow();
                    }}
                  />
                ) : null}
              </section>
            ))}
          </form>
          <VersionChain current={record} versions={versions} />
          <AuditPanel
            entityType="spotCheck"
            entityId={record.id}
            refreshKey={savedAt?.getTime() ?? 0}
            labelFor={(path) => spotCheckPathLabel(t, path)}
          />
        </div>
      </div>
    </section>
  );
}
