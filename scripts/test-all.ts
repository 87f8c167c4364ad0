/**
 * `npm test`: builds the app, runs jest (unit + integration, the server on embedded PGlite),
 * the server-facing suites again against PostgreSQL when DATABASE_URL is set, and Playwright
 * (end-to-end); prints one closing line with the totals. Exits non-zero if anything failed.
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

/** Every skipped test is listed with its reason: nothing is skipped silently. */
function jestSkipped(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    testResults?: { assertionResults?: { status: string; fullName: string }[] }[];
  };
  return (j.testResults ?? []).flatMap((r) =>
    (r.assertionResults ?? [])
      .filter((a) => a.status !== 'passed' && a.status !== 'failed')
      .map((a) => a.fullName),
  );
}

interface PwSuite {
  title: string;
  suites?: PwSuite[];
  specs?: {
    title: string;
    tests: { status: string; annotations?: { type: string; description?: string }[] }[];
  }[];
}

function playwrightSkipped(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const out: string[] = [];
  const walk = (s: PwSuite, prefix: string) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'skipped') continue;
        const why = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        out.push(`${prefix}${spec.title} — ${why}`);
      }
    }
    for (const child of s.suites ?? []) walk(child, `${prefix}${child.title} › `);
  };
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { suites?: PwSuite[] };
  for (const s of report.suites ?? []) walk(s, `${s.title} › `);
  return out;
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
const jestPgJson = path.join(outDir, 'jest-postgres.json');
const pwJson = path.join(outDir, 'playwright.json');
for (const f of [jestJson, jestPgJson, pwJson]) fs.rmSync(f, { force: true });

/** Suites that talk to the central server's storage; they run once per storage engine. */
const SERVER_SUITES = [
  'test/integration/server-',
  'test/integration/sync-',
  'test/integration/attachments-',
  'test/integration/audit-',
  'test/integration/numbers',
];
const databaseUrl = process.env.DATABASE_URL;

const buildCode = run(process.execPath, [bin('tsx'), 'scripts/build.ts']);
if (buildCode !== 0) process.exit(buildCode);
const codes: number[] = [];
console.log('\n== jest: unit and integration (server storage: embedded PGlite) ==');
codes.push(run(bin('jest'), ['--json', `--outputFile=${jestJson}`], { DATABASE_URL: '' }));
const parts: (Totals | null)[] = [jestTotals(jestJson)];
if (databaseUrl) {
  console.log('\n== jest: server suites against PostgreSQL (DATABASE_URL) ==');
  codes.push(run(bin('jest'), ['--json', `--outputFile=${jestPgJson}`, ...SERVER_SUITES]));
  parts.push(jestTotals(jestPgJson));
} else {
  console.log('\n(server suites against PostgreSQL not run: DATABASE_URL is not set)');
}
console.log('\n== playwright: end-to-end in Chromium ==');
codes.push(run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson }));
parts.push(playwrightTotals(pwJson));

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
const skipped = [
  ...jestSkipped(jestJson),
  ...jestSkipped(jestPgJson).map((t) => `[PostgreSQL] ${t}`),
  ...playwrightSkipped(pwJson),
];
if (skipped.length > 0) console.log(`\nskipped, with the reason:\n  ${skipped.join('\n  ')}`);
console.log(`\nby run: ${parts.map((t) => JSON.stringify(t)).join('  ')}`);
console.log(`tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(codes.some((c) => c !== 0) || sum.failed > 0 ? 1 : 0);
