import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { EnterpriseSummary } from '../../../../shared/schemas/lists';
import { useDebouncedValue } from '../../../components/useDebouncedValue';

/**
 * Finds an enterprise in the local register by name or credit code (the same search as the
 * 被检查单位 list) and hands the chosen one back.
 */
export function EnterprisePicker({ onPick }: { onPick: (e: EnterpriseSummary) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const [rows, setRows] = useState<EnterpriseSummary[] | null>(null);

  useEffect(() => {
    if (q === '') return;
    let live = true;
    const search = async () => {
      const r = await api()['enterprise.list']({
        q,
        limit: 8,
        offset: 0,
        sort: 'name',
        dir: 'asc',
        regionCode: '',
        listStatus: '',
      });
      if (live) setRows(r.ok ? r.value.rows : []);
    };
    void search();
    return () => {
      live = false;
    };
  }, [q]);

  const shown = q === '' ? null : rows;
  return (
    <div className="picker">
      <input
        type="search"
        aria-label={t('cases.pickEnterprise')}
        placeholder={t('cases.pickEnterprisePlaceholder')}
        value={text}
        maxLength={100}
        aria-controls={listId}
        onChange={(e) => setText(e.target.value)}
      />
      {shown ? (
        <ul
          className="picker-results"
          id={listId}
          role="listbox"
          aria-label={t('cases.pickEnterprise')}
        >
          {shown.length === 0 ? (
            <li className="muted picker-none">{t('cases.pickEnterpriseNone')}</li>
          ) : (
            shown.map((e) => (
              <li key={e.id} role="option" aria-selected={false}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(e);
                    setText('');
                    setRows(null);
                  }}
                >
                  <span className="strong">{e.name}</span>
                  <span className="mono muted">{e.creditCode}</span>
                </button>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
