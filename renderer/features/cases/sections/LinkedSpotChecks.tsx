import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { routeHash } from '../../../routes/routes';

interface Shown {
  id: string;
  /** Record number and sample, or null when this laptop does not hold the record. */
  label: string | null;
}

/** The spot checks the case came from, by their record number and sample, each a link. */
export function LinkedSpotChecks({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown[]>([]);
  const key = ids.join(',');

  useEffect(() => {
    let live = true;
    const load = async () => {
      const out = await Promise.all(
        key.split(',').map(async (id): Promise<Shown> => {
          const r = await api()['spotCheck.get']({ id });
          if (!r.ok) return { id, label: null };
          const d = r.value.record.data;
          return { id, label: [d.basic.recordNumber, d.sample.name].filter(Boolean).join(' ') };
        }),
      );
      if (live) setShown(out);
    };
    if (key !== '') void load();
    return () => {
      live = false;
    };
  }, [key]);

  if (ids.length === 0) return null;
  return (
    <p className="linked-records">
      <span className="muted">
        {t('cases.fields.linkedSpotChecks')}
        {t('cases.colon')}
      </span>
      {shown.map((s, i) =>
        s.label === null ? (
          <span key={s.id} className="muted">
            {t('spotCheck.listTitle')} {i + 1}
          </span>
        ) : (
          <a key={s.id} href={routeHash({ name: 'spotCheck', id: s.id })}>
            {s.label || `${t('spotCheck.listTitle')} ${i + 1}`}
          </a>
        ),
      )}
    </p>
  );
}
