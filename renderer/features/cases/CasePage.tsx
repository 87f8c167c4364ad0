import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseDetail } from '../../../shared/api/caseContract';
import type { MessageRef } from '../../../shared/api/result';
import type { CaseData } from '../../../shared/schemas/case';
import { tMessage } from '../../i18n/messages';
import { routeHash } from '../../routes/routes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { openDraft, type OpenedDraft } from '../drafts/openDraft';
import { caseCopies, caseTakesEdits, completeCaseData } from './caseDrafts';
import { CaseForm } from './CaseForm';

interface Opened extends OpenedDraft<CaseData> {
  detail: CaseDetail;
  /** Bumped on reload so the form restarts from the stored case. */
  generation: number;
}

function open(detail: CaseDetail, generation: number): Opened {
  const { record } = detail;
  const draft = openDraft(
    caseCopies,
    record.id,
    completeCaseData(record.data),
    record.rev,
    caseTakesEdits(detail),
  );
  return { detail, generation, ...draft };
}

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened | { error: MessageRef } | null>(null);

  const load = useCallback(
    async (generation: number) => {
      const result = await api()['case.get']({ id });
      setOpened(result.ok ? open(result.value, generation) : { error: result.error.message });
    },
    [id],
  );

  useEffect(() => {
    let live = true;
    const first = async () => {
      const result = await api()['case.get']({ id });
      if (live) setOpened(result.ok ? open(result.value, 0) : { error: result.error.message });
    };
    void first();
    return () => {
      live = false;
    };
  }, [id]);

  const generation = opened && 'detail' in opened ? opened.generation : 0;
  const reload = useCallback(() => void load(generation + 1), [load, generation]);

  if (!opened) return <p className="muted page-pad">{t('common.loading')}</p>;
  if ('error' in opened) {
    return (
      <div className="page page-pad">
        <ErrorBanner>{tMessage(t, opened.error)}</ErrorBanner>
        <a className="btn" href={routeHash({ name: 'cases' })}>
          {t('cases.back')}
        </a>
      </div>
    );
  }
  return (
    <CaseForm
      key={`${opened.detail.record.rev}-${opened.generation}`}
      initialDetail={opened.detail}
      initialValues={opened.initialValues}
      restored={opened.restored}
      unapplied={opened.unapplied}
      reload={reload}
    />
  );
}
