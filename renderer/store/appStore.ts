/** App-wide state: who is using the laptop, where they are, and what the shell reports. */
import { create } from 'zustand';
import type { AppInfo, CatalogCategory } from '../../shared/api/contract';
import type { MessageRef } from '../../shared/api/result';
import type { Profile } from '../../shared/schemas/profile';
import type { Locale } from '../../shared/i18n/translate';
import { parseHash, type Route } from '../routes/routes';
import { storedLocale } from '../i18n/i18n';

export interface ConfirmRequest {
  title: string;
  body: string;
  okLabel: string;
  cancelLabel: string;
  resolve: (ok: boolean) => void;
}

export interface Notice {
  id: number;
  message: MessageRef;
}

interface AppState {
  /** undefined while loading; null before first-run setup. */
  profile: Profile | null | undefined;
  loadError: MessageRef | null;
  appInfo: AppInfo | null;
  catalog: CatalogCategory[];
  online: boolean;
  locale: Locale;
  route: Route;
  /** Set by an open form whose edits are not stored yet; navigation asks first. */
  unsaved: boolean;
  confirmRequest: ConfirmRequest | null;
  notice: Notice | null;
}

export const useAppStore = create<AppState>()(() => ({
  profile: undefined,
  loadError: null,
  appInfo: null,
  catalog: [],
  online: navigator.onLine,
  locale: storedLocale(),
  route: parseHash(location.hash),
  unsaved: false,
  confirmRequest: null,
  notice: null,
}));

export const setUnsaved = (unsaved: boolean) => {
  if (useAppStore.getState().unsaved !== unsaved) useAppStore.setState({ unsaved });
};

let noticeSeq = 0;
export function showNotice(message: MessageRef): void {
  noticeSeq += 1;
  useAppStore.setState({ notice: { id: noticeSeq, message } });
}

/** A modal question; resolves true when the inspector confirms. */
export function askConfirm(req: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => {
    useAppStore.getState().confirmRequest?.resolve(false);
    useAppStore.setState({
      confirmRequest: {
        ...req,
        resolve: (ok) => {
          useAppStore.setState({ confirmRequest: null });
          resolve(ok);
        },
      },
    });
  });
}
