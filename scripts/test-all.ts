/**
 * `npm test`: builds the app, runs jest (unit + integration) and Playwright (end-to-end), and
 * prints one closing line with the totals of both. Exits non-zero if either failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'test-output');
fs.mkdirSync(outDir, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function jestTotals(file: string): Totals | null {
  if (!fs.existsSync(file)) return null;
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  };
}

function playwrightTotals(file: string): Totals | null {
  if (!fs.existsSync(file)) return null;
  const s =
    (JSON.parse(fs.readFileSync(file, 'utf8')) as { stats?: Record<string, number> }).stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
  };
}

const jestJson = path.join(outDir, 'jest.json');
const pwJson = path.join(outDir, 'playwright.json');
fs.rmSync(jestJson, { force: true });
fs.rmSync(pwJson, { force: true });

const buildCode = run(process.execPath, [bin('tsx'), 'scripts/build.ts']);
if (buildCode !== 0) process.exit(buildCode);
const jestCode = run(bin('jest'), ['--json', `--outputFile=${jestJson}`]);
const pwCode = run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });

const parts = [jestTotals(jestJson), playwrightTotals(pwJson)];
const sum = parts.reduce<Totals>(
  (acc, t) => ({
    passed: acc.passed + (t?.passed ?? 0),
    failed: acc.failed + (t?.failed ?? 0),
    skipped: acc.skipped + (t?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
// A runner that crashed before writing its report counts as a failure, not as zero tests.
if (parts.some((t) => t === null)) sum.failed += 1;
console.log(`\njest: ${JSON.stringify(parts[0])}  playwright: ${JSON.stringify(parts[1])}`);
console.log(`tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(jestCode !== 0 || pwCode !== 0 || sum.failed > 0 ? 1 : 0);
