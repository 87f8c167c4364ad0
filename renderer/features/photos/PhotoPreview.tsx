import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../shared/schemas/sync';
import { formatBytes, formatDateTime } from '../../lib/format';
import { tMessage } from '../../i18n/messages';
import { readFull, type Loaded } from './thumbnails';

/** The photo at full size; a PDF cannot be shown inline (no frames), so it is offered to save. */
export function PhotoPreview({ meta, onClose }: { meta: AttachmentMeta; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
    let live = true;
    void readFull(meta.sha256).then((r) => {
      if (live) setLoaded(r);
    });
    return () => {
      live = false;
    };
  }, [meta.sha256]);

  const isImage = meta.mimeType.startsWith('image/');
  const src = loaded && 'url' in loaded ? loaded.url : null;
  return (
    <dialog
      ref={ref}
      className="dialog dialog--preview"
      aria-labelledby="preview-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="dialog-inner">
        <div className="preview-head">
          <h2 id="preview-title" className="dialog-title preview-title" title={meta.fileName}>
            {meta.fileName}
          </h2>
          <span className="muted mono">
            {formatBytes(meta.size)} · {formatDateTime(meta.createdAt)}
          </span>
        </div>
        <div className="preview-stage">
          {loaded === null ? <p className="muted">{t('common.loading')}</p> : null}
          {loaded && 'error' in loaded ? (
            <p role="alert" className="camera-message camera-message--error">
              {t('photos.loadFailed')}：{tMessage(t, loaded.error)}
            </p>
          ) : null}
          {src && isImage ? <img src={src} alt={meta.fileName} /> : null}
          {src && !isImage ? <span className="photo-placeholder">{t('photos.pdf')}</span> : null}
        </div>
        <div className="dialog-actions">
          {src ? (
            <a className="btn" href={src} download={meta.fileName}>
              {t('photos.download')}
            </a>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
