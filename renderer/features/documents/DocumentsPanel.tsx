import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentListItem, DocumentRef } from '../../../shared/api/documentContract';
import type { DocumentOwnerType } from '../../../shared/documents/kinds';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { showNotice } from '../../store/appStore';
import { DocumentPreview } from './DocumentPreview';
import { outcomeMessage, printDocument, savePdf } from './printActions';
import { useDocumentList } from './useDocumentList';

type Busy = { key: string; action: 'print' | 'pdf' } | null;

const keyOf = (d: { kind: string; itemId: string }) => `${d.kind}:${d.itemId}`;

/**
 * 打印文书: the forms of a spot check or a case, each with 预览, 打印 and 另存为 PDF. Mount it
 * on a record's page: `<DocumentsPanel ownerType="case" ownerId={id} />`. `refreshKey` reloads
 * the list (e.g. after a save changed what the forms say).
 */
export function DocumentsPanel({
  ownerType,
  ownerId,
  refreshKey = 0,
}: {
  ownerType: DocumentOwnerType;
  ownerId: string;
  refreshKey?: number;
}) {
  const { t } = useTranslation();
  const { items, error, reload } = useDocumentList(ownerType, ownerId, refreshKey);
  const [busy, setBusy] = useState<Busy>(null);
  const [previewing, setPreviewing] = useState<DocumentListItem | null>(null);
  const [prints, setPrints] = useState(0);

  const refOf = (d: DocumentListItem): DocumentRef => ({
    ownerType,
    ownerId,
    kind: d.kind,
    itemId: d.itemId,
  });

  const run = async (d: DocumentListItem, action: 'print' | 'pdf') => {
    setBusy({ key: keyOf(d), action });
    try {
      const r = action === 'print' ? await printDocument(refOf(d)) : await savePdf(refOf(d));
      showNotice(r.ok ? outcomeMessage(action, r.value) : r.error.message);
    } finally {
      setBusy(null);
      setPrints((n) => n + 1);
      reload();
    }
  };

  const buttons = (d: DocumentListItem) => {
    const mine = busy?.key === keyOf(d);
    return (
      <>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy !== null}
          onClick={() => void run(d, 'print')}
        >
          {mine && busy?.action === 'print' ? t('documents.printing') : t('documents.print')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy !== null}
          onClick={() => void run(d, 'pdf')}
        >
          {mine && busy?.action === 'pdf' ? t('documents.savingPdf') : t('documents.savePdf')}
        </button>
      </>
    );
  };

  return (
    <section className="card documents-panel" aria-labelledby={`documents-${ownerId}`}>
      <h2 id={`documents-${ownerId}`} className="card-title">
        {t('documents.panelTitle')}
      </h2>
      <p className="muted">{t('documents.panelHint')}</p>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {items === null && !error ? <p className="muted">{t('documents.loading')}</p> : null}
      {items && items.length === 0 ? <p className="muted">{t('documents.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="documents-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((d) => (
            <li
              key={keyOf(d)}
              data-kind={d.kind}
              style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', padding: '0.4rem 0' }}
            >
              <span style={{ flex: 1 }}>
                <span className="strong">{d.title}</span>
                {d.itemLabel ? <span className="muted"> · {d.itemLabel}</span> : null}
                <br />
                <span className="muted">
                  {d.printCount > 0
                    ? t('documents.printedTimes', {
                        count: d.printCount,
                        at: formatDateTime(d.lastPrintedAt ?? ''),
                      })
                    : t('documents.notPrinted')}
                  {d.currentPrinted ? ` · ${t('documents.currentPrinted')}` : ''}
                </span>
                {d.blankNumberReason ? (
                  <>
                    <br />
                    <span className="muted blank-number-reason">
                      {tMessage(t, d.blankNumberReason)}
                    </span>
                  </>
                ) : null}
              </span>
              <button type="button" className="btn btn-small" onClick={() => setPreviewing(d)}>
                {t('documents.preview')}
              </button>
              {buttons(d)}
            </li>
          ))}
        </ul>
      ) : null}
      {previewing ? (
        <DocumentPreview
          key={keyOf(previewing)}
          docRef={refOf(previewing)}
          refreshKey={prints}
          actions={buttons(previewing)}
          onClose={() => setPreviewing(null)}
        />
      ) : null}
    </section>
  );
}
