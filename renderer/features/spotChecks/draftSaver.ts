/**
 * Autosave for one draft. Saves run one at a time, each naming the revision the previous one
 * returned; edits made while a save is in flight lead to another save after it. A failed save
 * leaves the values on screen and in the local copy and is retried on the next change or click.
 * A plain class (an external store for React) because its timers and in-flight promise are
 * not render state.
 */
import { api } from '../../api/client';
import type { ApiError } from '../../../shared/api/result';
import type { SpotCheckData } from '../../../shared/schemas/spotCheck';
import { setUnsaved } from '../../store/appStore';
import { clearLocalCopy, writeLocalCopy } from './localCopy';

export const AUTOSAVE_MS = 800;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface SaverSnapshot {
  status: SaveStatus;
  savedAt: Date | null;
  error: ApiError | null;
}

export class DraftSaver {
  private snapshot: SaverSnapshot = { status: 'idle', savedAt: null, error: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<boolean> | null = null;
  private changeSeq: number;
  private savedSeq = 0;
  private disposed = false;

  constructor(
    private readonly id: string,
    private revision: number,
    private readonly getValues: () => SpotCheckData,
    /** The form opened with a restored local copy the store does not have yet. */
    initiallyDirty: boolean,
  ) {
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
    if (this.disposed) return;
    this.changeSeq += 1;
    // The local copy first: whatever happens to the save, the input survives.
    writeLocalCopy(this.id, this.getValues(), this.revision);
    setUnsaved(true);
    if (this.snapshot.status !== 'error') this.set({ status: 'pending' });
    this.schedule(AUTOSAVE_MS);
  }

  /** Saves now if anything is unsaved; resolves false if the store refused. */
  async saveNow(): Promise<boolean> {
    this.cancelTimer();
    if (this.inflight) {
      await this.inflight;
      return this.saveNow();
    }
    if (!this.hasUnsaved()) return this.snapshot.status !== 'error';
    const seq = this.changeSeq;
    const values = this.getValues();
    this.set({ status: 'saving' });
    this.inflight = this.save(seq, values);
    const ok = await this.inflight;
    this.inflight = null;
    if (ok && this.hasUnsaved() && !this.disposed) this.schedule(AUTOSAVE_MS);
    return ok;
  }

  /** Called once mounted: a restored local copy goes to the store straight away. */
  start(): void {
    // Re-entrant: React's StrictMode mounts, disposes and mounts again.
    this.disposed = false;
    if (this.hasUnsaved()) {
      setUnsaved(true);
      this.schedule(0);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    setUnsaved(false);
  }

  private async save(seq: number, values: SpotCheckData): Promise<boolean> {
    const result = await api()['spotCheck.saveDraft']({
      id: this.id,
      expectedRevision: this.revision,
      data: values,
    });
    if (!result.ok) {
      this.set({ status: 'error', error: result.error });
      return false;
    }
    this.revision = result.value.revision;
    this.savedSeq = seq;
    const done = !this.hasUnsaved();
    if (done) {
      clearLocalCopy(this.id);
      if (!this.disposed) setUnsaved(false);
    }
    this.set({ status: done ? 'saved' : 'pending', error: null, savedAt: new Date() });
    return true;
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
