import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SpotCheckWithHistory } from '../../../shared/api/contract';
import type { MessageRef } from '../../../shared/api/result';
import { completeSpotCheckData, type SpotCheckData } from '../../../shared/schemas/spotCheck';
import { tMessage } from '../../i18n/messages';
import { routeHash } from '../../routes/routes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { threeWayMerge } from '../../lib/threeWayMerge';
import { clearLocalCopy, readLocalCopy, sameValues, type LocalCopy } from './localCopy';
import { SpotCheckForm } from './SpotCheckForm';

interface Opened {
  history: SpotCheckWithHistory;
  initialValues: SpotCheckData;
  restored: boolean;
  /** A local copy holds input that a submitted record can no longer take; the copy is kept. */
  unapplied: boolean;
  /** Bumped on reload so the form restarts from the stored record. */
  generation: number;
}

/**
 * The stored data with the local copy's input on it. Same revision: the copy as it is. The
 * record moved on (sync pull, conflict resolution): only the fields edited locally, merged onto
 * the stored data, so changes made elsewhere are kept. A copy from an older version without its
 * base cannot be merged safely and is taken as carrying no input.
 */
function withLocalInput(local: LocalCopy, stored: SpotCheckData, revision: number): SpotCheckData {
  if (local.revision === revision) return local.values;
  return local.base ? threeWayMerge(local.base, local.values, stored) : stored;
}

/** Decides what the form opens with: the stored record, or unsaved input kept locally. */
function open(history: SpotCheckWithHistory, generation: number): Opened {
  const { record } = history;
  const stored = completeSpotCheckData(record.data);
  const local = readLocalCopy(record.id);
  const values = local ? withLocalInput(local, stored, record.revision) : stored;
  const pending = local !== null && !sameValues(values, stored);
  if (pending && record.status === 'draft') {
    return { history, initialValues: values, restored: true, unapplied: false, generation };
  }
  if (pending) {
    // Submitted elsewhere: the input cannot go into this record, but is not thrown away.
    return { history, initialValues: stored, restored: false, unapplied: true, generation };
  }
  if (local) clearLocalCopy(record.id);
  return { history, initialValues: stored, restored: false, unapplied: false, generation };
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
      unapplied={opened.unapplied}
      reload={() => void load(opened.generation + 1)}
    />
  );
}
