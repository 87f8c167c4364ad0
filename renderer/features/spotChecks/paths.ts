/** Translating between the core's dotted field paths and the form. */
import type { TFunction } from 'i18next';

/** The form's name for a path the core reports (drafts and submits may prefix `data.`). */
export function formNameFor(path: string): string | null {
  const p = path.replace(/^data\./, '');
  if (p === '_' || p === '') return null;
  if (p === 'samplers') return 'samplers.root';
  return p;
}

/** A readable label for a change-log path like `sample.batchNumber` or `samplers.1.name`. */
export function spotCheckPathLabel(t: TFunction, path: string): string {
  const parts = path.replace(/^data\./, '').split('.');
  const [group, second, third] = parts;
  if (group === 'samplers') {
    if (second === undefined) return t('groups.samplers');
    const n = Number(second) + 1;
    if (third === 'credentialNumber') return t('spotCheck.samplerCredential', { n });
    if (third === 'name') return t('spotCheck.samplerName', { n });
    return t('spotCheck.samplerN', { n });
  }
  if (group && second) {
    const label = t(`fields.${group}.${second}`, { defaultValue: '' });
    if (label) return `${t(`groups.${group}`, { defaultValue: group })} · ${label}`;
  }
  return path;
}
