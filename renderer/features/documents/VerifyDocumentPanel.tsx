import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVerification } from '../../../shared/api/documentContract';
import type { MessageRef } from '../../../shared/api/result';
import { api } from '../../api/client';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { routeHash } from '../../routes/routes';

const BANNER: Record<DocumentVerification['verdict'], string> = {
  match: 'banner banner-approved',
  changed: 'banner banner-error',
  unknownRecord: 'banner banner-info',
  malformed: 'banner banner-error',
};

function recordHash(v: DocumentVerification): string | null {
  if (!v.ownerId || v.verdict === 'unknownRecord' || v.verdict === 'malformed') return null;
  return v.ownerType === 'case'
    ? routeHash({ name: 'case', id: v.ownerId })
    : routeHash({ name: 'spotCheck', id: v.ownerId });
}

/**
 * 核验文书: the text of a printed form's QR code — typed by a scanner or pasted — checked
 * against the record on this device. What was entered stays in the box whatever the verdict.
 */
export function VerifyDocumentPanel({ titled = true }: { titled?: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<DocumentVerification | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);

  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      const r = await api()['documents.verify']({ payload: text.trim() });
      if (r.ok) setResult(r.value);
      else {
        setResult(null);
        setError(r.error.message);
      }
    } finally {
      setChecking(false);
    }
  };

  const link = result ? recordHash(result) : null;
  return (
    <section
      className="card verify-document"
      aria-labelledby={titled ? 'verify-document-title' : 'verify-document-page-title'}
    >
      {titled ? (
        <h2 id="verify-document-title" className="card-title">
          {t('documents.verify.title')}
        </h2>
      ) : null}
      <p className="muted">{t('documents.verify.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <label className="field field--wide">
          <span className="field-label">{t('documents.verify.payload')}</span>
          <textarea
            rows={3}
            value={text}
            placeholder={t('documents.verify.placeholder')}
            spellCheck={false}
            className="mono"
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={checking || !text.trim()}>
            {checking ? t('documents.verify.checking') : t('documents.verify.check')}
          </button>
        </div>
      </form>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {result ? (
        <div className={BANNER[result.verdict]} role="status" data-verdict={result.verdict}>
          <div className="banner-text">
            <p className="strong">{t(`documents.verify.verdicts.${result.verdict}`)}</p>
            {result.title ? <p>{t('documents.verify.document', { title: result.title })}</p> : null}
            {result.paperVersion !== undefined && result.currentVersion !== undefined ? (
              <p>
                {t('documents.verify.versions', {
                  paper: result.paperVersion,
                  current: result.currentVersion,
                })}
              </p>
            ) : null}
            {result.printedAt ? (
              <p>
                {t('documents.verify.printedHere', {
                  at: formatDateTime(result.printedAt),
                  by: result.printedByName ?? '',
                  copy: result.copy ? t('documents.verify.copySuffix') : '',
                })}
              </p>
            ) : result.verdict === 'match' || result.verdict === 'changed' ? (
              <p>{t('documents.verify.notPrintedHere')}</p>
            ) : null}
            {link ? (
              <p>
                <a href={link}>{t('documents.verify.openRecord')}</a>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
