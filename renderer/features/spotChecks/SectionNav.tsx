import { useTranslation } from 'react-i18next';

export const sectionId = (key: string) => `sec-${key}`;

/**
 * Jumps between sections. Buttons, not #anchors: the hash belongs to the router.
 */
export function SectionNav({
  sections,
  labelOf,
  title,
}: {
  sections: readonly string[];
  /** A section's name; the spot check's group names by default. */
  labelOf?: (key: string) => string;
  title?: string;
}) {
  const { t } = useTranslation();
  const label = labelOf ?? ((key: string) => t(`groups.${key}`));
  const heading = title ?? t('spotCheck.sections');
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
    <nav className="section-nav" aria-label={heading}>
      <p className="section-nav-title">{heading}</p>
      <ul>
        {sections.map((key) => (
          <li key={key}>
            <button type="button" onClick={() => jump(key)}>
              {label(key)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
