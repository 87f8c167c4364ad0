/**
 * Electron main process (dist/main/electron-main.js): one hardened window showing the
 * renderer from app://fieldcheck/, the API over one checked IPC channel, and the core in a
 * utility process.
 */
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../../core/dataDir';
import { APP_URL, handleAppProtocol, registerAppScheme } from './appProtocol';
import { startCoreProcess, type CoreClient } from './coreClient';
import { hardenAllWebContents, hardenSession } from './hardening';
import { registerApiIpc } from './ipc';
import { buildMenu } from './menu';
import { registerPrintIpc } from './print';
import { DEFAULT_SIZE, isVisibleOn, loadWindowState, trackWindowState } from './windowState';

const rendererDir = path.resolve(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.js');

// FIELDCHECK_DATA_DIR, else the same per-user folder the browser shell uses. Electron's
// userData follows it (window state, and the single-instance lock is per data folder);
// Chromium's caches and storage go to a subfolder.
const dataDir = resolveDataDir();

let mainWindow: BrowserWindow | undefined;
let core: CoreClient | undefined;

registerAppScheme();
app.enableSandbox();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'electron-session'));
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      console.error('Fieldcheck failed to start', err);
      app.exit(1);
    });
}

async function onReady(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  hardenSession(session.defaultSession);
  handleAppProtocol(rendererDir);
  core = startCoreProcess(dataDir);
  const client = core;
  // A damaged or newer database stops the app before any window (the message is bilingual).
  const opened = await client.opened();
  if (!opened.ok) {
    const detail = String(opened.error.message.params?.detail ?? opened.error.code);
    dialog.showErrorBox(
      'Fieldcheck 无法打开数据 / cannot open the data',
      `${detail}\n\n${dataDir}`,
    );
    await client.close();
    app.exit(1);
    return;
  }
  registerApiIpc({
    trustedContents: () => mainWindow?.webContents,
    call: (method, input) => client.call(method, input),
  });
  registerPrintIpc(() => mainWindow?.webContents);
  Menu.setApplicationMenu(buildMenu(!app.isPackaged));
  createWindow();
  app.on('activate', () => {
    if (!mainWindow) createWindow();
  });
}

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = state.bounds && isVisibleOn(state.bounds, workAreas) ? state.bounds : DEFAULT_SIZE;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fieldcheck 质监外勤执法',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(APP_URL);
}

app.on('window-all-closed', () => {
  app.quit();
});

// Close the core (and SQLite) cleanly before the app exits.
let coreClosed = false;
app.on('before-quit', (event) => {
  if (coreClosed || !core) return;
  event.preventDefault();
  const closing = core;
  core = undefined;
  void closing.close().finally(() => {
    coreClosed = true;
    app.quit();
  });
});
