/**
 * The few ways a template writes a value. Every value from a record goes through esc(); a
 * value the record lacks becomes a blank to fill in by hand — an underline of fixed width in
 * running text, an empty bordered cell in a table — never a word standing in for it.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Blank widths the stylesheet has classes for (css.ts), in character widths. */
export const BLANK_WIDTHS = 30;

/** An underline of `em` character widths (1–30), for a value to be written by hand. */
export function blank(em = 8): string {
  const w = Math.min(BLANK_WIDTHS, Math.max(1, Math.round(em)));
  return `<span class="blank w${w}"></span>`;
}

/** A value in running text, or a blank line of `em` widths when it is empty. */
export function fill(value: string, em = 8): string {
  return value.trim() === '' ? blank(em) : `<span class="filled">${esc(value)}</span>`;
}

/** A value in a table cell: the bordered cell itself is the blank when it is empty. */
export const cell = (value: string): string => esc(value);

/** Multi-line text, its line breaks kept (the template's CSS keeps its spaces). */
export function lines(text: string): string {
  return esc(text.trim()).replace(/\r?\n/g, '<br>');
}

/** Paragraphs from multi-line text, one <p> a line, each indented two characters. */
export function paragraphBlocks(text: string, cls = 'para'): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p class="${cls}">${esc(l)}</p>`);
}

export const paragraphs = (text: string, cls = 'para'): string =>
  paragraphBlocks(text, cls).join('');

/** A date line for a signature: the date, or 年 月 日 with room to write it. */
export function dateOrBlank(zhDate: string): string {
  return zhDate
    ? `<span class="filled">${esc(zhDate)}</span>`
    : '<span class="date-blank">年<span class="gap"></span>月<span class="gap"></span>日</span>';
}

/**
 * A string inside a CSS `content: "..."` (running page headers). Quotes and backslashes are
 * escaped, and so are < and > (as CSS hex escapes), so a value can never close the <style>.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
