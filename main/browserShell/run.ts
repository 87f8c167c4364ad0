/**
 * Runs the browser shell from the command line: starts the host, prints its URL, opens a
 * browser window when there is a display, and shuts down cleanly on SIGINT/SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../../core/dataDir';
import { hasDisplay, openInBrowser } from './openBrowser';
import { startBrowserHost } from './server';

export const PORT_ENV = 'FIELDCHECK_PORT';
/**
 * A fixed default port keeps the page's origin stable across launches: the renderer keeps
 * unsaved input and the language choice in the origin's localStorage, which a random port
 * would orphan at every start. The next few ports are tried when it is taken.
 */
export const DEFAULT_PORT = 47810;
const PORT_ATTEMPTS = 10;
/** The one machine-readable line on stdout; scripts and tests look for this prefix. */
export const URL_LINE_PREFIX = 'FIELDCHECK_URL=';

export interface CliOptions {
  port: number;
  open: boolean;
  help: boolean;
}

export function parseArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions {
  const opts: CliOptions = {
    port: parsePort(env[PORT_ENV] ?? String(DEFAULT_PORT), PORT_ENV),
    open: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--no-open') opts.open = false;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg === '--port') opts.port = parsePort(argv[++i] ?? '', '--port');
    else if (arg.startsWith('--port='))
      opts.port = parsePort(arg.slice('--port='.length), '--port');
    else throw new Error(`unknown option: ${arg}`);
  }
  return opts;
}

function parsePort(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 0 || n > 65535)
    throw new Error(`${name}: not a port: ${value}`);
  return n;
}

const HELP = `Usage: browser-host [--port N] [--no-open]
  --port N    listen on 127.0.0.1:N (default ${DEFAULT_PORT}, or the next free one; 0 = any free port; env ${PORT_ENV})
  --no-open   do not open a browser window
Data folder: env FIELDCHECK_DATA_DIR, else the user-data folder.`;

/** Prints why the shell could not start (a store that refuses to open says so in both languages). */
export function reportStartupFailure(err: unknown): never {
  if (err instanceof Error && err.name === 'StoreOpenError') {
    console.error(`Fieldcheck 无法启动 / cannot start: ${err.message}`);
  } else {
    console.error('Fieldcheck 无法启动 / failed to start:', err);
  }
  process.exit(1);
}

async function startOnFreePort(dataDir: string, rendererDir: string, port: number) {
  const attempts = port === 0 ? 1 : PORT_ATTEMPTS;
  for (let i = 0; ; i++) {
    try {
      return await startBrowserHost({ dataDir, rendererDir, port: port === 0 ? 0 : port + i });
    } catch (err) {
      const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || i + 1 >= attempts) throw err;
      console.log(
        `端口 ${port + i} 已被占用，尝试下一个 / port ${port + i} in use, trying the next`,
      );
    }
  }
}

export async function runBrowserShell(
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    console.log(HELP);
    return;
  }
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`未找到界面文件 / renderer not built: ${rendererDir} (run npm run build)`);
    process.exitCode = 1;
    return;
  }
  const dataDir = resolveDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const host = await startOnFreePort(dataDir, rendererDir, opts.port);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`正在关闭 / shutting down (${signal})`);
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`${URL_LINE_PREFIX}${host.url}`);
  console.log(
    `Fieldcheck 浏览器外壳已启动 / browser shell running at ${host.origin} (data: ${dataDir}; Ctrl+C 退出 / to stop)`,
  );
  if (opts.open && hasDisplay()) {
    const how = await openInBrowser(host.url, path.join(dataDir, 'browser-profile'));
    if (how) console.log(`已在浏览器中打开 / opened with ${how}`);
    else
      console.log(
        '无法打开浏览器，请手动打开上面的地址 / could not open a browser: open the URL above',
      );
  } else {
    console.log('请在浏览器中打开上面的地址 / open the URL above in a browser');
  }
}
