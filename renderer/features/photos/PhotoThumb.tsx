import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../shared/schemas/sync';
import { formatBytes } from '../../lib/format';
import { useSyncStore } from '../sync/syncStore';
import { thumbnail, type Loaded } from './thumbnails';

/** Waits before asking again for a file the server did not have yet (or could not be reached). */
const RETRY_MS = [3_000, 10_000, 30_000];

/** One tile: the picture (or a PDF mark), name, size and whether the server has it. */
export function PhotoThumb({ meta, onOpen }: { meta: AttachmentMeta; onOpen: () => void }) {
  const { t } = useTranslation();
  const isImage = meta.mimeType.startsWith('image/');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // A finished sync round is a good moment to try a missing file again.
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);

  useEffect(() => {
    if (!isImage) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      void thumbnail(meta.sha256).then((r) => {
        if (!live) return;
        setLoaded(r);
        const wait = RETRY_MS[n];
        if ('error' in r && wait !== undefined) timer = setTimeout(() => attempt(n + 1), wait);
      });
    };
    attempt(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [meta.sha256, isImage, lastSuccessAt]);

  let picture;
  if (!isImage) {
    picture = (
      <span className="photo-placeholder" aria-hidden="true">
        {t('photos.pdf')}
      </span>
    );
  } else if (loaded && 'url' in loaded) {
    picture = <img src={loaded.url} alt="" />;
  } else if (loaded) {
    picture = (
      <span className="photo-placeholder photo-placeholder--missing">{t('photos.notLoaded')}</span>
    );
  } else {
    picture = <span className="photo-placeholder is-loading" aria-hidden="true" />;
  }

  return (
    <li className="photo-tile">
      <button
        type="button"
        className="photo-open"
        onClick={onOpen}
        aria-label={t('photos.open', { name: meta.fileName })}
      >
        {picture}
      </button>
      <div className="photo-meta">
        <span className="photo-name" title={meta.fileName}>
          {meta.fileName}
        </span>
        <span className="photo-sub">
          <span className="muted mono">{formatBytes(meta.size)}</span>
          {meta.uploaded ? (
            <span className="badge badge-green">{t('photos.uploaded')}</span>
          ) : (
            <span className="badge badge-amber">{t('photos.pending')}</span>
          )}
        </span>
      </div>
    </li>
  );
}
