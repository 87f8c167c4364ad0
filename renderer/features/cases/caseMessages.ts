/**
 * The case rules' messages carry codes as params (stage `investigating`, step `file`, level
 * `review`, field `notice.deliveredAt`); these are put into words before the message is shown.
 */
import type { TFunction } from 'i18next';
import type { MessageRef } from '../../../shared/api/result';
import { casePathLabel } from './casePaths';

export function localizeCaseMessage(t: TFunction, ref: MessageRef): MessageRef {
  if (!ref.params) return ref;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(ref.params)) {
    const v = String(value);
    switch (key) {
      case 'stage':
        params[key] = t(`cases.stages.${v}`, { defaultValue: v });
        break;
      case 'step':
      case 'transition':
        params[key] = t(`cases.transitions.${v}`, { defaultValue: v });
        break;
      case 'level':
        params[key] = t(`cases.levels.${v}`, { defaultValue: v });
        break;
      case 'field':
        params[key] = casePathLabel(t, v);
        break;
      default:
        params[key] = value;
    }
  }
  return { ...ref, params };
}
