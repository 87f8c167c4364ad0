import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../shared/schemas/sync';
import { tMessage } from '../../i18n/messages';
import { showNotice } from '../../store/appStore';
import { ACCEPT } from './fileData';
import { usePhotos } from './usePhotos';
import { PhotoThumb } from './PhotoThumb';
import { PhotoPreview } from './PhotoPreview';
import { CameraDialog, cameraAvailable } from './CameraDialog';

/**
 * 现场照片 of a spot check. Adding is offered only where the record can still change (drafts);
 * a submitted record shows its photos read-only. Photos are stored at once, apart from the
 * draft's autosave, so they are never lost with an unsaved form.
 */
export function PhotoSection({ ownerId, canAdd }: { ownerId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const { items, loadError, progress, failures, clearFailures, add } = usePhotos(ownerId);
  const [preview, setPreview] = useState<AttachmentMeta | null>(null);
  const [camera, setCamera] = useState(false);
  const busy = progress !== null;

  const addFiles = async (files: File[]) => {
    if (files.length === 0) return;
    const added = await add(files);
    if (added > 0) showNotice({ key: 'photos.added', params: { count: added } });
  };

  return (
    <div className="photos">
      {canAdd ? (
        <div className="photos-toolbar">
          <label className={`btn file-button${busy ? ' is-disabled' : ''}`}>
            ＋ {t('photos.add')}
            <input
              type="file"
              className="sr-only"
              accept={ACCEPT}
              multiple
              disabled={busy}
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                // Reset so choosing the same file again still fires a change.
                e.currentTarget.value = '';
                void addFiles(files);
              }}
            />
          </label>
          {cameraAvailable() ? (
            <button type="button" className="btn" onClick={() => setCamera(true)} disabled={busy}>
              {t('photos.camera')}
            </button>
          ) : null}
          <span className="muted photos-hint">
            {progress ? t('photos.adding', progress) : t('photos.hint')}
          </span>
        </div>
      ) : null}
      {failures.length > 0 ? (
        <div className="banner banner-error" role="alert">
          <div className="banner-text">
            <strong>{t('photos.failed')}</strong>
            <ul className="photo-failures">
              {failures.map((f, i) => (
                <li key={`${f.fileName}-${i}`}>
                  <span className="mono">{f.fileName}</span>：{tMessage(t, f.message)}
                </li>
              ))}
            </ul>
          </div>
          <button type="button" className="btn btn-small btn-ghost" onClick={clearFailures}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {loadError ? <p role="alert">{tMessage(t, loadError)}</p> : null}
      {items && items.length === 0 ? (
        <p className="muted photos-empty">
          {canAdd ? t('photos.empty') : t('photos.emptyReadOnly')}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="photo-grid" aria-label={t('groups.photos')}>
          {items.map((m) => (
            <PhotoThumb key={m.id} meta={m} onOpen={() => setPreview(m)} />
          ))}
        </ul>
      ) : null}
      {preview ? <PhotoPreview meta={preview} onClose={() => setPreview(null)} /> : null}
      {camera ? (
        <CameraDialog onClose={() => setCamera(false)} onPhoto={(f) => void addFiles([f])} />
      ) : null}
    </div>
  );
}
