/**
 * 本机文号: how many document numbers this laptop has left per type, a warning when a type runs
 * low, and what happens when it runs out (said before it happens). 立即领取文号 asks the server
 * now instead of waiting for the next sync round.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { NumberStatus, NumberTypeStatus } from '../../../shared/api/numberContract';
import type { MessageRef } from '../../../shared/api/result';
import { documentKindDef } from '../../../shared/documents/kinds';
import { tMessage } from '../../i18n/messages';
import { useSyncStore } from '../sync/syncStore';

export function NumberStockCard() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<NumberStatus | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);
  // Each finished round may have brought blocks.
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);

  useEffect(() => {
    let live = true;
    const read = api()['numbers.status'];
    void read({}).then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [lastSuccessAt]);

  const refill = async () => {
    setBusy(true);
    setError(null);
    const r = await api()['numbers.refill']({});
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  };

  const label = (s: NumberTypeStatus) => {
    const def = documentKindDef(s.docType);
    return i18n.language.startsWith('en') ? def.en : def.zh;
  };

  return (
    <div className="card number-stock" aria-labelledby="number-stock-title">
      <h2 id="number-stock-title" className="section-title">
        {t('numbers.title')}
      </h2>
      {status ? (
        <ul className="number-stock-list">
          {status.types.map((s) => (
            <li key={s.docType} className={s.empty ? 'is-empty' : s.low ? 'is-low' : ''}>
              <span>{t('numbers.remaining', { docType: label(s), remaining: s.remaining })}</span>
              {s.empty ? (
                <p className="number-stock-warning" role="status">
                  {t('numbers.emptyNow', { docType: label(s) })}{' '}
                  {t(s.whenEmpty.key, { docType: label(s) })}
                </p>
              ) : s.low ? (
                <p className="number-stock-warning" role="status">
                  {t('numbers.low', { docType: label(s), remaining: s.remaining })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {tMessage(t, error)}
        </p>
      ) : null}
      {status?.canRefill ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void refill()}
        >
          {busy ? t('numbers.refilling') : t('numbers.refill')}
        </button>
      ) : null}
    </div>
  );
}
