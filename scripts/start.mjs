// npm start: installs what is missing, starts the local database (reset on first use,
// new migrations applied afterwards), the functions server and the pg_net worker, then says
// where everything is. Ctrl-C stops it all.
import { provision } from './provision.mjs';
import { main, step, done } from './lib/log.mjs';

main(async () => {
  step('checking what is installed');
  provision();
  // Loaded after provisioning: they need the npm dependencies.
  const { apiUrl, dbUrl } = await import('./lib/config.mjs');
  const db = await import('./db.mjs');
  const { startFunctionsServer, stackEnv } = await import('./lib/stack.mjs');
  const { createNetWorker } = await import('./net-worker.mjs');

  await db.start();
  if (db.isReady()) db.migrate();
  else db.reset();

  step('starting the edge functions (Deno)');
  const functions = await startFunctionsServer();
  step('starting the pg_net worker');
  const worker = createNetWorker({ log: console.log });
  await worker.start();

  const env = stackEnv();
  done('ready');
  console.log(`
  Database       ${dbUrl()}
  Functions      ${apiUrl}/functions/v1/<name>
  anon key       ${env.SUPABASE_ANON_KEY}
  service_role   ${env.SUPABASE_SERVICE_ROLE_KEY}
  User token     node scripts/keys.mjs token <email>

  Ctrl-C stops the functions, the worker and the database (the data stays for the next start).
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    step('stopping');
    await Promise.allSettled([functions.stop(), worker.stop()]);
    db.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
