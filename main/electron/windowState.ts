/**
 * Remembers the window's bounds and maximized state in a small JSON file in userData,
 * written atomically (temp file + rename), and restores them only onto a visible display.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  bounds?: Rectangle;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
const MIN_VISIBLE = 100;

function isRect(v: unknown): v is Rectangle {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(r[k]));
}

export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    return {
      bounds: isRect(raw.bounds) ? raw.bounds : undefined,
      maximized: raw.maximized === true,
    };
  } catch {
    return { maximized: false };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, file);
  } catch (err) {
    console.error('[window-state] could not save', err);
    fs.rmSync(tmp, { force: true });
  }
}

/** True when at least a usable part of `bounds` lies on one of the displays' work areas. */
export function isVisibleOn(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((a) => {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
  });
}

/** Saves the state whenever the window closes. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    saveWindowState(file, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
}
