import i18next from 'i18next';
import { askConfirm } from '../../../store/appStore';

/**
 * Removing a list item that holds input asks first: a Q&A answer or a goods list typed on site
 * must not vanish with one stray click. An empty item goes without asking.
 */
export async function confirmRemove(what: string, item: unknown): Promise<boolean> {
  if (!hasInput(item)) return true;
  return askConfirm({
    title: i18next.t('cases.removeConfirmTitle'),
    body: i18next.t('cases.removeConfirm', { what }),
    okLabel: i18next.t('cases.remove'),
    cancelLabel: i18next.t('common.cancel'),
  });
}

function hasInput(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(hasInput);
  if (v && typeof v === 'object') {
    // Ids and kinds are set by the app, not typed.
    return Object.entries(v).some(([k, x]) => k !== 'id' && k !== 'kind' && hasInput(x));
  }
  return false;
}
