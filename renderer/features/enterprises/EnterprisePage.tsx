import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Enterprise } from '../../../shared/schemas/enterprise';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';
import { ErrorBanner } from '../../components/ErrorBanner';
import { routeHash } from '../../routes/routes';
import { EnterpriseForm } from './EnterpriseForm';

/** Loads the enterprise (edit) or starts blank (new), then hands over to the form. */
export function EnterprisePage({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ enterprise: Enterprise } | { error: MessageRef } | null>(
    null,
  );

  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = async () => {
      const r = await api()['enterprise.get']({ id });
      if (live) setLoaded(r.ok ? { enterprise: r.value } : { error: r.error.message });
    };
    void load();
    return () => {
      live = false;
    };
  }, [id]);

  if (!id) return <EnterpriseForm enterprise={null} />;
  if (!loaded) return <p className="muted page-pad">{t('common.loading')}</p>;
  if ('error' in loaded) {
    return (
      <div className="page page-pad">
        <ErrorBanner>{tMessage(t, loaded.error)}</ErrorBanner>
        <a className="btn" href={routeHash({ name: 'enterprises' })}>
          {t('enterprise.back')}
        </a>
      </div>
    );
  }
  return <EnterpriseForm enterprise={loaded.enterprise} />;
}
