import { useTranslation } from 'react-i18next';

export const sectionId = (key: string) => `sec-${key}`;

/**
 * Jumps between sections. Buttons, not #anchors: the hash belongs to the router.
 */
export function SectionNav({ sections }: { sections: readonly string[] }) {
  const { t } = useTranslation();
  const jump = (key: string) => {
    const el = document.getElementById(sectionId(key));
    el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    el?.querySelector<HTMLElement>(
      'input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
    )?.focus({
      preventScroll: true,
    });
  };
  return (
    <nav className="section-nav" aria-label={t('spotCheck.sections')}>
      <p className="section-nav-title">{t('spotCheck.sections')}</p>
      <ul>
        {sections.map((key) => (
          <li key={key}>
            <button type="button" onClick={() => jump(key)}>
              {t(`groups.${key}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
