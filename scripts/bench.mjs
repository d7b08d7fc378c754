// npm run bench [name …]: benchmarks against realistic volumes on the local cluster.
// Resets the database, runs each bench/<name>.mjs (all of them by default) in name order with
// SUPABASE_DB_URL (postgres) and SUPABASE_ADMIN_DB_URL (the superuser, for benchmarks that change
// server settings) set, then resets again so the development database is left clean.
// Benchmarks print their figures; they assert no timing.
import fs from 'node:fs';
import path from 'node:path';
import { provision } from './provision.mjs';
import { main, step, done, StackError } from './lib/log.mjs';

main(async () => {
  provision();
  const { dbUrl, root } = await import('./lib/config.mjs');
  const db = await import('./db.mjs');
  const { runShown } = await import('./lib/run.mjs');

  const benchDir = path.join(root, 'bench');
  const available = fs.existsSync(benchDir)
    ? fs.readdirSync(benchDir).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort()
    : [];
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length) throw new StackError(`unknown benchmark ${unknown.join(', ')}`, `choose from: ${available.join(' ')}`);

  await db.start();
  const failed = [];
  try {
    for (const name of wanted.length ? wanted : available) {
      db.reset();
      step(`bench: ${name}`);
      const env = { SUPABASE_DB_URL: dbUrl(), SUPABASE_ADMIN_DB_URL: dbUrl('supabase_admin') };
      const code = await runShown('node', [path.join(benchDir, `${name}.mjs`)], { cwd: root, env });
      if (code !== 0) failed.push(name);
    }
  } finally {
    db.reset();
  }
  if (failed.length) throw new StackError(`benchmarks failed: ${failed.join(', ')}`);
  done('benchmarks finished');
});
