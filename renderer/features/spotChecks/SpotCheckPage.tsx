import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SpotCheckWithHistory } from '../../../shared/api/contract';
import type { MessageRef } from '../../../shared/api/result';
import { completeSpotCheckData, type SpotCheckData } from '../../../shared/schemas/spotCheck';
import { tMessage } from '../../i18n/messages';
import { routeHash } from '../../routes/routes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { openDraft, type OpenedDraft } from '../drafts/openDraft';
import { spotCheckCopies, takesEdits } from './spotCheckDrafts';
import { SpotCheckForm } from './SpotCheckForm';
import { DocumentsPanel } from '../documents/DocumentsPanel';

interface Opened extends OpenedDraft<SpotCheckData> {
  history: SpotCheckWithHistory;
  /** Bumped on reload so the form restarts from the stored record. */
  generation: number;
}

/** Decides what the form opens with: the stored record, or unsaved input kept locally. */
function open(history: SpotCheckWithHistory, generation: number): Opened {
  const { record } = history;
  const draft = openDraft(
    spotCheckCopies,
    record.id,
    completeSpotCheckData(record.data),
    record.revision,
    takesEdits(record.status),
  );
  return { history, generation, ...draft };
}

export function SpotCheckPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened | { error: MessageRef } | null>(null);

  const load = useCallback(
    async (generation: number) => {
      const result = await api()['spotCheck.get']({ id });
      setOpened(result.ok ? open(result.value, generation) : { error: result.error.message });
    },
    [id],
  );

  useEffect(() => {
    let live = true;
    const first = async () => {
      const result = await api()['spotCheck.get']({ id });
      if (live) setOpened(result.ok ? open(result.value, 0) : { error: result.error.message });
    };
    void first();
    return () => {
      live = false;
    };
  }, [id]);

  if (!opened) return <p className="muted page-pad">{t('common.loading')}</p>;
  if ('error' in opened) {
    return (
      <div className="page page-pad">
        <ErrorBanner>{tMessage(t, opened.error)}</ErrorBanner>
        <a className="btn" href={routeHash({ name: 'spotChecks' })}>
          {t('spotCheck.back')}
        </a>
      </div>
    );
  }
  return (
    <>
      <SpotCheckForm
        key={`${opened.history.record.revision}-${opened.generation}`}
        history={opened.history}
        initialValues={opened.initialValues}
        restored={opened.restored}
        unapplied={opened.unapplied}
        reload={() => void load(opened.generation + 1)}
      />
      <div className="page-pad">
        <DocumentsPanel
          ownerType="spotCheck"
          ownerId={id}
          refreshKey={opened.history.record.revision + opened.generation}
        />
      </div>
    </>
  );
}
