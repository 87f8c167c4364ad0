import { useEffect } from 'react';

export const SAVE_EVENT = 'fieldcheck:save';

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (el as HTMLElement).isContentEditable
  );
}

/**
 * Ctrl+S saves whatever form is open (forms listen for SAVE_EVENT) and never opens the
 * browser's "save page"; Ctrl+F and "/" jump to the list's search box.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        window.dispatchEvent(new Event(SAVE_EVENT));
        return;
      }
      const search = document.querySelector<HTMLInputElement>('[data-search-box]');
      if (!search) return;
      if (
        (mod && e.key.toLowerCase() === 'f') ||
        (e.key === '/' && !mod && !isTyping(document.activeElement))
      ) {
        e.preventDefault();
        search.focus();
        search.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
