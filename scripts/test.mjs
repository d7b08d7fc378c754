// npm test: from scratch (install what is missing, reset the database), then every suite.
// Exits non-zero when any suite fails; the last line counts suites passed and failed.
//   npm test                   everything
//   npm test -- pgtap vitest   only the named suites (after the same reset)
import { provision } from './provision.mjs';
import { main, step, done, warn, StackError } from './lib/log.mjs';

main(async () => {
  step('checking what is installed');
  provision();
  const path = await import('node:path');
  const { db: cluster, root } = await import('./lib/config.mjs');
  const db = await import('./db.mjs');
  const { checkPlpgsql } = await import('./check-plpgsql.mjs');
  const { checkAdvisors } = await import('./advisors.mjs');
  const { checkTypes } = await import('./types.mjs');
  const { denoBin, startFunctionsServer, stackEnv } = await import('./lib/stack.mjs');
  const { createNetWorker } = await import('./net-worker.mjs');
  const { runShown } = await import('./lib/run.mjs');

  const wasRunning = db.isRunning();
  await db.start();
  db.reset();

  const env = stackEnv();
  const expectExit = async (label, promise) => {
    if ((await promise) !== 0) throw new StackError(`${label} failed`);
  };

  /** Suites in the order they run; each throws on failure. */
  const suites = {
    plpgsql_check: () => done(`plpgsql_check: ${checkPlpgsql()} functions clean`),
    advisors: () => done(`db advisors: no ERROR or WARN (${checkAdvisors()} info)`),
    types: () => { checkTypes(); done('types/database.ts matches the database'); },
    pgtap: () => expectExit('pgTAP', runShown('pg_prove', ['--ext', '.pg', '--ext', '.sql', '-r',
      '-h', cluster.host, '-p', String(cluster.port), '-U', 'postgres', '-d', cluster.name, 'supabase/tests'], { cwd: root })),
    deno: () => expectExit('deno test', runShown(denoBin, ['test', '--allow-all', '--quiet', 'tests/functions'], { cwd: root, env })),
    vitest: async () => {
      const functions = await startFunctionsServer({ quiet: true });
      const worker = createNetWorker();
      await worker.start();
      try {
        await expectExit('vitest', runShown(path.join(root, 'node_modules/.bin/vitest'), ['run'], { cwd: root, env }));
      } finally {
        await Promise.allSettled([functions.stop(), worker.stop()]);
      }
    },
  };

  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in suites));
  if (unknown.length > 0) throw new StackError(`unknown suite ${unknown.join(', ')}`, `choose from: ${Object.keys(suites).join(' ')}`);

  const failed = [];
  let passed = 0;
  for (const [name, suite] of Object.entries(suites)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    step(`suite: ${name}`);
    try {
      await suite();
      passed++;
    } catch (error) {
      failed.push(name);
      warn(error instanceof StackError ? error.message : String(error.stack ?? error));
    }
  }
  // A cluster this run started is stopped again; one that was already up (npm start) stays.
  if (!wasRunning) db.stop();
  console.log(failed.length ? `\nfailed suites: ${failed.join(', ')}` : '\nall suites passed');
  console.log(`suites: ${passed} passed, ${failed.length} failed`);
  if (failed.length > 0) process.exit(1);
});
