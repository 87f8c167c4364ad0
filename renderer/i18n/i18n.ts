/**
 * i18next over the shared message tables, so the UI, the core and the server speak the same
 * words. The inspector's language choice survives restarts via localStorage.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES, type Locale } from '../../shared/i18n/translate';

const LOCALE_KEY = 'fieldcheck.locale';

export function storedLocale(): Locale {
  const v = localStorage.getItem(LOCALE_KEY);
  return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
}

export function initI18n(): typeof i18next {
  const lng = storedLocale();
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: RESOURCES['zh-CN'] },
      en: { translation: RESOURCES.en },
    },
    lng,
    fallbackLng: 'zh-CN',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function changeLocale(lng: Locale): void {
  localStorage.setItem(LOCALE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
