import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { PagedCache } from '../lib/pagedCache';

interface Props<T> {
  cache: PagedCache<T>;
  label: string;
  rowHeight: number;
  /** Grid template shared by the header and every row, so columns line up. */
  columns: string;
  header: ReactNode;
  renderRow: (row: T, index: number) => ReactNode;
}

/**
 * A list that stays smooth at 100k rows: only the visible rows exist in the DOM, and only
 * the pages under them are fetched.
 */
export function VirtualRows<T>({ cache, label, rowHeight, columns, header, renderRow }: Props<T>) {
  const { t } = useTranslation();
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);
  const total = cache.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render on purpose; nothing here is memoised across renders.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    cache.ensure(first, last);
  }, [cache, first, last]);

  return (
    <div className="vlist" style={{ ['--vlist-columns' as string]: columns }}>
      <div className="vlist-header" aria-hidden="true">
        {header}
      </div>
      <div className="vlist-scroll" ref={scrollRef} tabIndex={-1}>
        <div
          role="list"
          aria-label={label}
          className="vlist-inner"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = cache.get(item.index);
            return (
              <div
                role="listitem"
                key={item.key}
                className="vlist-item"
                aria-setsize={total}
                aria-posinset={item.index + 1}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {row === undefined ? (
                  <div className="vrow vrow-placeholder" aria-busy="true">
                    <span className="skeleton" />
                    <span className="sr-only">{t('common.rowLoading')}</span>
                  </div>
                ) : (
                  renderRow(row, item.index)
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
