/**
 * One upload step at a time per file: two devices holding the same photo (or a client retrying
 * while its previous request is still being handled) must not append to one partial at once.
 * In-process only, like the files directory itself: one server process owns it.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    try {
      return await fn();
    } finally {
      release();
      // Last one out removes the entry, so the map does not grow with every file ever sent.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
