/**
 * Autosave for one draft (a spot check's, a case's: the record kind comes in as a DraftTarget).
 * Saves run one at a time, each naming the revision the previous one
 * returned; edits made while a save is in flight lead to another save after it. A failed save
 * leaves the values on screen and in the local copy and is retried on the next change or click.
 * If the record's revision moved on meanwhile (a sync pull, a conflict resolution), the save is
 * refused with CONFLICT: the saver fetches the record, merges the input made here onto it
 * (threeWayMerge against the last saved data), puts the merged values in the form and saves
 * again. If the record stopped taking edits elsewhere (submitted, locked), autosave stops; the
 * input stays in the local copy.
 * A plain class (an external store for React) because its timers and in-flight promise are
 * not render state.
 */
import type { ApiError, Result } from '../../../shared/api/result';
import { changedLeaves, cloneJson, getPath, type Doc } from '../../../shared/sync/paths';
import { threeWayMerge } from '../../lib/threeWayMerge';
import { setUnsaved } from '../../store/appStore';
import type { LocalCopyStore } from './localCopy';

export const AUTOSAVE_MS = 800;
/** Merges after CONFLICT within one save before giving up (each needs the record to move again). */
const MAX_REBASES = 3;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** A record as the saver needs it after a refused save. */
export interface StoredDraft<T> {
  revision: number;
  data: T;
  /** Whether the record still takes edits from this user (not submitted, approved or locked). */
  editable: boolean;
}

/** How one kind of record is saved, read back and copied locally. */
export interface DraftTarget<T> {
  /** Saves `values` on top of `expectedRevision`; a newer stored revision answers CONFLICT. */
  save(id: string, expectedRevision: number, values: T): Promise<Result<{ revision: number }>>;
  load(id: string): Promise<Result<StoredDraft<T>>>;
  copies: LocalCopyStore<T>;
}

export interface SaverSnapshot {
  status: SaveStatus;
  savedAt: Date | null;
  error: ApiError | null;
  /** The record stopped taking edits elsewhere: autosave has stopped, the input is kept locally. */
  lockedElsewhere: boolean;
}

export class DraftSaver<T extends object> {
  private snapshot: SaverSnapshot = {
    status: 'idle',
    savedAt: null,
    error: null,
    lockedElsewhere: false,
  };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<boolean> | null = null;
  private changeSeq: number;
  private savedSeq = 0;
  private disposed = false;
  private stopped = false;
  /** Set while merged values are put into the form, so those writes are not new input. */
  private applying = false;

  constructor(
    private readonly target: DraftTarget<T>,
    private readonly id: string,
    private revision: number,
    /** The stored data at `revision`: what the input on screen is a change of. */
    private base: T,
    private readonly getValues: () => T,
    /** Puts one field's value into the form (after a merge with a change made elsewhere). */
    private readonly setField: (path: string, value: unknown) => void,
    /** The form opened with a restored local copy the store does not have yet. */
    initiallyDirty: boolean,
  ) {
    this.base = cloneJson(base);
    this.changeSeq = initiallyDirty ? 1 : 0;
    if (initiallyDirty) this.snapshot = { ...this.snapshot, status: 'pending' };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaverSnapshot => this.snapshot;

  currentRevision(): number {
    return this.revision;
  }

  hasUnsaved(): boolean {
    return this.changeSeq !== this.savedSeq;
  }

  noteChange(): void {
    if (this.disposed || this.applying) return;
    this.changeSeq += 1;
    // The local copy first: whatever happens to the save, the input survives.
    this.target.copies.write(this.id, this.getValues(), this.revision, this.base);
    if (this.stopped) return;
    setUnsaved(true);
    if (this.snapshot.status !== 'error') this.set({ status: 'pending' });
    this.schedule(AUTOSAVE_MS);
  }

  /** Saves now if anything is unsaved; resolves false if the store refused. */
  async saveNow(): Promise<boolean> {
    this.cancelTimer();
    if (this.stopped) return false;
    if (this.inflight) {
      await this.inflight;
      return this.saveNow();
    }
    if (!this.hasUnsaved()) return this.snapshot.status !== 'error';
    const seq = this.changeSeq;
    // A snapshot: typing during the save must not change what is recorded as saved.
    const values = cloneJson(this.getValues());
    this.set({ status: 'saving' });
    this.inflight = this.save(seq, values);
    const ok = await this.inflight;
    this.inflight = null;
    if (ok && this.hasUnsaved() && !this.disposed && !this.stopped) this.schedule(AUTOSAVE_MS);
    return ok;
  }

  /** Called once mounted: a restored local copy goes to the store straight away. */
  start(): void {
    // Re-entrant: React's StrictMode mounts, disposes and mounts again.
    this.disposed = false;
    if (this.hasUnsaved() && !this.stopped) {
      setUnsaved(true);
      this.schedule(0);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    setUnsaved(false);
  }

  private async save(seq: number, values: T): Promise<boolean> {
    for (let rebases = 0; ; rebases++) {
      const result = await this.target.save(this.id, this.revision, values);
      if (result.ok) {
        this.revision = result.value.revision;
        // A copy: the form's getValues() shares nested objects with its live state.
        this.base = cloneJson(values);
        break;
      }
      if (result.error.code !== 'CONFLICT' || rebases >= MAX_REBASES) {
        this.set({ status: 'error', error: result.error });
        return false;
      }
      const rebased = await this.rebase(result.error);
      if (!rebased) return false;
      ({ seq, values } = rebased);
    }
    this.savedSeq = seq;
    const done = !this.hasUnsaved();
    if (done) {
      this.target.copies.clear(this.id);
      if (!this.disposed) setUnsaved(false);
    }
    this.set({ status: done ? 'saved' : 'pending', error: null, savedAt: new Date() });
    return true;
  }

  /**
   * The record moved on since the last save: merge the input made here onto its current data,
   * show the merged values and continue from its revision. Null if there is nothing to save to.
   */
  private async rebase(conflict: ApiError): Promise<{ seq: number; values: T } | null> {
    const got = await this.target.load(this.id);
    if (!got.ok) {
      this.set({ status: 'error', error: conflict });
      return null;
    }
    const stored = got.value;
    if (!stored.editable) {
      // Submitted or locked elsewhere: the local copy (with its base) stays for the user to see.
      this.stopped = true;
      this.cancelTimer();
      if (!this.disposed) setUnsaved(false);
      this.set({ status: 'error', error: null, lockedElsewhere: true });
      return null;
    }
    const theirs = stored.data;
    // Read, merge and write back with no await in between, so no keystroke falls in a gap.
    const mine = cloneJson(this.getValues());
    const seq = this.changeSeq;
    const merged = threeWayMerge(this.base, mine, theirs);
    this.revision = stored.revision;
    this.base = theirs;
    if (!this.disposed) {
      this.applying = true;
      try {
        for (const path of changedLeaves(mine as unknown as Doc, merged as unknown as Doc)) {
          const value = getPath(merged, path);
          if (value !== undefined) this.setField(path, value);
        }
      } finally {
        this.applying = false;
      }
    }
    this.target.copies.write(this.id, merged, this.revision, this.base);
    return { seq, values: merged };
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => void this.saveNow(), ms);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<SaverSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
