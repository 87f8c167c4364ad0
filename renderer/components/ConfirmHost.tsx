import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/appStore';

/**
 * The one modal dialog. The native <dialog> gives focus trapping and Esc (as "cancel") for free.
 */
export function ConfirmHost() {
  const request = useAppStore((s) => s.confirmRequest);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        request?.resolve(false);
      }}
    >
      {request ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            request.resolve(true);
          }}
        >
          <h2 id="confirm-title" className="dialog-title">
            {request.title}
          </h2>
          <p id="confirm-body" className="dialog-body">
            {request.body}
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => request.resolve(false)} autoFocus>
              {request.cancelLabel}
            </button>
            <button type="submit" className="btn btn-primary">
              {request.okLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
