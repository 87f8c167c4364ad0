import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ErrorBanner({ children, onClose }: { children: ReactNode; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <strong className="banner-title">{t('common.errorBanner')}</strong>
      <div className="banner-text">{children}</div>
      {onClose ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      ) : null}
    </div>
  );
}
