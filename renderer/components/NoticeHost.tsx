import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { tMessage } from '../i18n/messages';

const NOTICE_MS = 4000;

export function NoticeHost() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (useAppStore.getState().notice?.id === notice.id) useAppStore.setState({ notice: null });
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? <div className="notice">{tMessage(t, notice.message)}</div> : null}
    </div>
  );
}
