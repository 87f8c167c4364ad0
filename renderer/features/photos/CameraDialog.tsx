import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Where the camera can be asked for at all; elsewhere the 拍照 button is not shown. */
export const cameraAvailable = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

type CameraState =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'captured'; blob: Blob; url: string }
  | { kind: 'error'; message: string };

/**
 * Live video, 拍摄 freezes a frame as a JPEG, 使用这张照片 hands it on as a File. The camera is
 * released as soon as the dialog closes: a lit camera light would worry the people on site.
 */
export function CameraDialog({
  onClose,
  onPhoto,
}: {
  onClose: () => void;
  onPhoto: (file: File) => void;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });

  useEffect(() => {
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
    let live = true;
    navigator.mediaDevices
      .getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      })
      .then((stream) => {
        if (!live) {
          stream.getTracks().forEach((tr) => tr.stop());
          return;
        }
        streamRef.current = stream;
        // 拍摄 waits for the first frame (onPlaying below): before it there is nothing to take.
        if (videoRef.current) videoRef.current.srcObject = stream;
      })
      .catch((err: unknown) => {
        if (!live) return;
        const name = err instanceof DOMException ? err.name : '';
        const message =
          name === 'NotAllowedError' || name === 'SecurityError'
            ? t('photos.cameraDenied')
            : name === 'NotFoundError' || name === 'OverconstrainedError'
              ? t('photos.cameraMissing')
              : t('photos.cameraFailed', {
                  detail: err instanceof Error ? err.message : String(err),
                });
        setState({ kind: 'error', message });
      });
    return () => {
      live = false;
      streamRef.current?.getTracks().forEach((tr) => tr.stop());
      streamRef.current = null;
    };
  }, [t]);

  // Object URLs of captured frames are freed when replaced or when the dialog goes.
  useEffect(() => {
    if (state.kind !== 'captured') return;
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  const capture = () => {
    const video = videoRef.current;
    if (!video || !video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob) setState({ kind: 'captured', blob, url: URL.createObjectURL(blob) });
      },
      'image/jpeg',
      0.9,
    );
  };

  const use = () => {
    if (state.kind !== 'captured') return;
    const name = t('photos.photoName', { stamp: stamp(new Date()) });
    onPhoto(new File([state.blob], name, { type: 'image/jpeg' }));
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--camera"
      aria-labelledby="camera-title"
      onClose={onClose}
    >
      <div className="dialog-inner">
        <h2 id="camera-title" className="dialog-title">
          {t('photos.cameraTitle')}
        </h2>
        <div className="camera-stage">
          <video
            ref={videoRef}
            autoPlay
            playsInline
            muted
            onPlaying={() => setState((st) => (st.kind === 'starting' ? { kind: 'live' } : st))}
            hidden={state.kind !== 'live' && state.kind !== 'starting'}
          />
          {state.kind === 'captured' ? <img src={state.url} alt={t('photos.cameraTitle')} /> : null}
          {state.kind === 'starting' ? (
            <p className="camera-message">{t('photos.cameraStarting')}</p>
          ) : null}
          {state.kind === 'error' ? (
            <p className="camera-message camera-message--error" role="alert">
              {state.message}
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {state.kind === 'captured' ? (
            <>
              <button type="button" className="btn" onClick={() => setState({ kind: 'live' })}>
                {t('photos.retake')}
              </button>
              <button type="button" className="btn btn-primary" onClick={use} autoFocus>
                {t('photos.usePhoto')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={capture}
              disabled={state.kind !== 'live'}
            >
              {t('photos.capture')}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
