import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SpotCheckWithHistory } from '../../../shared/api/contract';
import type { MessageRef } from '../../../shared/api/result';
import { completeSpotCheckData, type SpotCheckData } from '../../../shared/schemas/spotCheck';
import { tMessage } from '../../i18n/messages';
import { routeHash } from '../../routes/routes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { clearLocalCopy, readLocalCopy, sameValues } from './localCopy';
import { SpotCheckForm } from './SpotCheckForm';

interface Opened {
  history: SpotCheckWithHistory;
  initialValues: SpotCheckData;
  restored: boolean;
  /** Bumped on reload so the form restarts from the stored record. */
  generation: number;
}

/** Decides what the form opens with: the stored record, or newer unsaved input kept locally. */
function open(history: SpotCheckWithHistory, generation: number): Opened {
  const stored = completeSpotCheckData(history.record.data);
  const local = readLocalCopy(history.record.id);
  if (local && history.record.status === 'draft' && !sameValues(local.values, stored)) {
    return { history, initialValues: local.values, restored: true, generation };
  }
  if (local) clearLocalCopy(history.record.id);
  return { history, initialValues: stored, restored: false, generation };
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
    <SpotCheckForm
      key={`${opened.history.record.revision}-${opened.generation}`}
      history={opened.history}
      initialValues={opened.initialValues}
      restored={opened.restored}
      reload={() => void load(opened.generation + 1)}
    />
  );
}
