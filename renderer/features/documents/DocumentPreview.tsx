import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRef, RenderedDocument } from '../../../shared/api/documentContract';
import type { MessageRef } from '../../../shared/api/result';
import { api } from '../../api/client';
import { tMessage } from '../../i18n/messages';

/**
 * A form as it would print now, in a sandboxed frame: the frame runs no script and has no
 * access to the app (no allow-scripts, no allow-same-origin); the document inside carries its
 * own CSP and loads nothing.
 */
export function DocumentPreview({
  docRef,
  actions,
  onClose,
  refreshKey,
}: {
  docRef: DocumentRef;
  actions: React.ReactNode;
  onClose: () => void;
  /** Changes after a print, so the preview shows the copy mark the next print will carry. */
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [doc, setDoc] = useState<RenderedDocument | { error: MessageRef } | null>(null);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const { ownerType, ownerId, kind, itemId } = docRef;
  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api()['documents.preview']({ ownerType, ownerId, kind, itemId });
      if (live) setDoc(r.ok ? r.value : { error: r.error.message });
    };
    void load();
    return () => {
      live = false;
    };
  }, [ownerType, ownerId, kind, itemId, refreshKey]);

  const title = doc && 'html' in doc ? doc.title : '';
  return (
    <dialog
      ref={dialog}
      className="dialog dialog--preview"
      aria-labelledby="document-preview-title"
      onClose={onClose}
    >
      <div className="dialog-inner">
        <div className="preview-head">
          <h2 id="document-preview-title" className="dialog-title preview-title">
            {t('documents.previewTitle', { title })}
          </h2>
        </div>
        {doc && 'html' in doc && doc.copy ? (
          <p className="banner banner-info">{t('documents.copyNote')}</p>
        ) : null}
        <div className="preview-stage">
          {doc === null ? <p className="muted">{t('common.loading')}</p> : null}
          {doc && 'error' in doc ? <p role="alert">{tMessage(t, doc.error)}</p> : null}
          {doc && 'html' in doc ? (
            <iframe
              title={doc.title}
              sandbox=""
              srcDoc={doc.html}
              style={{ width: '100%', height: '70vh', border: 0, background: '#e6e6e6' }}
            />
          ) : null}
        </div>
        <div className="dialog-actions">
          {actions}
          <button type="button" className="btn" onClick={onClose}>
            {t('documents.closePreview')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
