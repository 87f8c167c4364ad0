import type { TFunction } from 'i18next';

/** A device name the administrator can recognise: 张明的笔记本, or a neutral one before setup. */
export const defaultDeviceName = (t: TFunction, personName: string | undefined): string =>
  personName ? t('sync.deviceNameDefault', { name: personName }) : t('sync.deviceNameFallback');
