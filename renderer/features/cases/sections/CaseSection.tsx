import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionId } from '../../spotChecks/SectionNav';
import { SectionLockContext, useCaseForm } from '../caseFormContext';

/**
 * One titled section of the case form. When the stage has settled the section's whole data path
 * (`lockPath`), it says so once at the top and every control in it is disabled.
 */
export function CaseSection({
  id,
  lockPath,
  children,
}: {
  id: string;
  lockPath?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { readOnly, lockOf, lockReason } = useCaseForm();
  const locked = lockPath ? lockReason(lockPath) : null;
  const prefix = lockPath ? lockOf(lockPath) : null;
  return (
    <section id={sectionId(id)} className="form-section" aria-labelledby={`${sectionId(id)}-h`}>
      <h3 id={`${sectionId(id)}-h`} className="section-title">
        {t(`cases.sections.${id}`)}
      </h3>
      {locked && !readOnly ? (
        <p className="section-lock" role="note">
          <span className="lock-icon" aria-hidden="true" />
          {locked}
        </p>
      ) : null}
      {/* A disabled fieldset makes every control read-only without touching the form's values. */}
      <fieldset disabled={readOnly || locked !== null} className="record-fieldset">
        <SectionLockContext.Provider value={prefix}>{children}</SectionLockContext.Provider>
      </fieldset>
    </section>
  );
}

/** Whether the list at `path` may gain or lose items now. */
export function useListEditable(path: string): boolean {
  const { readOnly, lockReason } = useCaseForm();
  return !readOnly && lockReason(path) === null;
}
