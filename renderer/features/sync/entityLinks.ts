/** Where a synced entity opens, and how its dotted field paths read, for sync lists. */
import type { TFunction } from 'i18next';
import { routeHash } from '../../routes/routes';
import { caseDataPath, casePathLabel } from '../cases/casePaths';
import { spotCheckPathLabel } from '../spotChecks/paths';

export function entityHref(entity: string, id: string): string | null {
  if (entity === 'spotCheck') return routeHash({ name: 'spotCheck', id });
  if (entity === 'enterprise') return routeHash({ name: 'enterprise', id });
  if (entity === 'case') return routeHash({ name: 'case', id });
  return null;
}

export function entityName(t: TFunction, entity: string): string {
  return t(`sync.entities.${entity}`, { defaultValue: entity });
}

/** `data.sample.batchNumber` → 样品信息 · 生产日期/批号; enterprise paths → their field label. */
export function fieldLabel(t: TFunction, entity: string, path: string): string {
  if (entity === 'enterprise') {
    const key = path.replace(/^data\./, '');
    return t(`enterprise.fields.${key}`, { defaultValue: key });
  }
  if (entity === 'case') return casePathLabel(t, caseDataPath(path) ?? path);
  return spotCheckPathLabel(t, path);
}
