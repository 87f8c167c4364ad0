/**
 * Bundles the renderer and the shells with esbuild into dist/. better-sqlite3 (native) and
 * electron stay external: they are loaded from node_modules at run time.
 */
import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist');
const production = process.env.NODE_ENV === 'production';

const common: BuildOptions = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  minify: production,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

const nodeEntries: Record<string, string> = {
  launch: 'main/launch.ts',
  'browser-host': 'main/browserShell/cli.ts',
  'electron-main': 'main/electron/main.ts',
  'core-process': 'main/electron/coreProcess.ts',
};

async function main(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  const rendererOut = path.join(out, 'renderer');
  await Promise.all([
    build({
      ...common,
      entryPoints: { app: path.join(root, 'renderer/main.tsx') },
      outdir: rendererOut,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      loader: { '.woff2': 'file', '.png': 'file', '.svg': 'file' },
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(
        Object.entries(nodeEntries).map(([name, file]) => [name, path.join(root, file)]),
      ),
      outdir: path.join(out, 'main'),
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'better-sqlite3'],
    }),
    // Sandboxed preloads get a reduced `require` that only knows 'electron': bundle everything else.
    build({
      ...common,
      entryPoints: { preload: path.join(root, 'main/electron/preload.ts') },
      outdir: path.join(out, 'main'),
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
    }),
  ]);
  for (const file of ['index.html', 'styles.css']) {
    fs.copyFileSync(path.join(root, 'renderer', file), path.join(rendererOut, file));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
