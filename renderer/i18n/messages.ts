/**
 * react-hook-form keeps one string per field error. We store the i18n key there (with any
 * params encoded after a separator) rather than translated text, so a language switch
 * re-translates errors already on screen.
 */
import type { TFunction } from 'i18next';
import type { MessageRef } from '../../shared/api/result';

const SEP = '\u0000';

export function encodeMessage(ref: MessageRef): string {
  return ref.params ? `${ref.key}${SEP}${JSON.stringify(ref.params)}` : ref.key;
}

export function decodeMessage(message: string): MessageRef {
  const at = message.indexOf(SEP);
  if (at < 0) return { key: message };
  try {
    return {
      key: message.slice(0, at),
      params: JSON.parse(message.slice(at + 1)) as MessageRef['params'],
    };
  } catch {
    return { key: message.slice(0, at) };
  }
}

/** Translates a message ref; an unknown key shows as itself rather than as nothing. */
export function tMessage(
  t: TFunction,
  ref: MessageRef,
  extra?: Record<string, string | number>,
): string {
  return t(ref.key, { ...(extra ?? {}), ...(ref.params ?? {}), defaultValue: ref.key });
}

/** Label of a value in an i18n options table, e.g. ('options.link', 'production'). */
export function tOption(t: TFunction, table: string, value: string): string {
  const options = t(table, { returnObjects: true }) as unknown;
  if (options && typeof options === 'object') {
    const label = (options as Record<string, unknown>)[value];
    if (typeof label === 'string') return label;
  }
  return value;
}
