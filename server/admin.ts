/**
 * `npx tsx server/admin.ts <command> [--flag value ...]` — organisation, users and devices,
 * on the same storage the server uses (same DATABASE_URL / FIELDCHECK_SERVER_DATA_DIR).
 * With PGlite, stop the server first: an embedded database has one process at a time.
 */
import { COMMANDS, parseArgs, UsageError } from './admin/commands';
import { loadConfig } from './config';
import { openStorage } from './storage/open';

function usage(): string {
  return [
    'usage: npx tsx server/admin.ts <command> [options]',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n} ${c.usage}`),
  ].join('\n');
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage()}`);
    return 2;
  }
  const cmd = parsed.command ? COMMANDS[parsed.command] : undefined;
  if (!cmd) {
    console.error(usage());
    return 2;
  }
  const storage = await openStorage(loadConfig());
  try {
    const out = await cmd.run(storage, parsed.args);
    console.log(JSON.stringify(out, null, 2));
    return 0;
  } catch (err) {
    console.error(
      err instanceof UsageError
        ? `${err.message}\n  ${parsed.command} ${cmd.usage}`
        : (err as Error).message,
    );
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
