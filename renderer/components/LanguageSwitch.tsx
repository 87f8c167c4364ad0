import { useTranslation } from 'react-i18next';
import { changeLocale } from '../i18n/i18n';
import { useAppStore } from '../store/appStore';
import type { Locale } from '../../shared/i18n/translate';

const LOCALES: { code: Locale; label: string }[] = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
];

export function LanguageSwitch({ variant = 'header' }: { variant?: 'header' | 'plain' }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const choose = (code: Locale) => {
    changeLocale(code);
    useAppStore.setState({ locale: code });
  };
  return (
    <div
      className={`lang-switch lang-switch--${variant}`}
      role="group"
      aria-label={t('app.language')}
    >
      {LOCALES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={locale === l.code}
          className={locale === l.code ? 'is-active' : ''}
          onClick={() => choose(l.code)}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}
