/**
 * Rows of a long list fetched page by page as they scroll into view. One cache per query:
 * a new query gets a new cache, so a late answer for an old query can never land in it.
 * It is an external store (subscribe/getSnapshot) for useSyncExternalStore.
 */
import type { MessageRef, Result } from '../../shared/api/result';
import type { Page } from '../../shared/schemas/lists';

export type FetchPage<T> = (offset: number, limit: number) => Promise<Result<Page<T>>>;

export class PagedCache<T> {
  total: number | null = null;
  error: MessageRef | null = null;
  private readonly pages = new Map<number, T[]>();
  private readonly inflight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    private readonly fetchPage: FetchPage<T>,
    readonly pageSize = 100,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): number => this.version;

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Makes sure the pages holding rows first..last are loaded or on their way. */
  ensure(first: number, last: number): void {
    const from = Math.floor(Math.max(0, first) / this.pageSize);
    const to = Math.floor(Math.max(0, last) / this.pageSize);
    for (let p = from; p <= to; p++) void this.load(p);
  }

  /**
   * Re-reads the pages already loaded, keeping the old rows on screen until the new ones
   * arrive (rows pulled by sync appear without the list blinking or losing its scroll).
   */
  async refresh(): Promise<void> {
    const loaded = [...this.pages.keys()];
    if (loaded.length === 0) loaded.push(0);
    const results = await Promise.all(
      loaded.map((p) => this.fetchPage(p * this.pageSize, this.pageSize)),
    );
    let changed = false;
    results.forEach((result, i) => {
      if (!result.ok) return;
      const page = loaded[i] as number;
      if (this.total !== result.value.total) changed = true;
      this.total = result.value.total;
      this.error = null;
      const before = this.pages.get(page);
      if (JSON.stringify(before) !== JSON.stringify(result.value.rows)) changed = true;
      this.pages.set(page, result.value.rows);
    });
    // Pages past a shrunken end would show stale rows.
    for (const p of [...this.pages.keys()]) {
      if (this.total !== null && p * this.pageSize >= this.total && p > 0) this.pages.delete(p);
    }
    if (changed) this.bump();
  }

  retry(): void {
    this.error = null;
    this.bump();
    this.ensure(0, 0);
  }

  private async load(page: number): Promise<void> {
    if (this.pages.has(page) || this.inflight.has(page)) return;
    if (this.total !== null && page * this.pageSize >= this.total && page > 0) return;
    this.inflight.add(page);
    const result = await this.fetchPage(page * this.pageSize, this.pageSize);
    this.inflight.delete(page);
    if (result.ok) {
      this.pages.set(page, result.value.rows);
      this.total = result.value.total;
      this.error = null;
    } else {
      this.error = result.error.message;
      this.total ??= 0;
    }
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}
