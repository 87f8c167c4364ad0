import { useTranslation } from 'react-i18next';

export function SearchBox({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="search-box">
      <svg className="search-icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10 10l4.2 4.2" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        data-search-box
        aria-label={t('common.search')}
        placeholder={placeholder}
        title={t('common.searchHint')}
        value={value}
        maxLength={100}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
