import type { MessageRef } from '../api/result';
import { zhCN } from './zh-CN';
import { en } from './en';

export const RESOURCES = { 'zh-CN': zhCN, en } as const;
export type Locale = keyof typeof RESOURCES;

/**
 * Plain lookup for code outside React (logs, CLI, server). The UI uses i18next with the
 * same resources; this only needs `{{param}}` interpolation.
 */
export function translate(ref: MessageRef, locale: Locale = 'zh-CN'): string {
  let node: unknown = RESOURCES[locale];
  for (const part of ref.key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const template = typeof node === 'string' ? node : ref.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(ref.params?.[name] ?? ''));
}
