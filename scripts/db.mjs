// The project-local PostgreSQL 15 cluster: init, start, stop, status, reset, migrate.
// Usage: node scripts/db.mjs start|stop|status|reset|migrate
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { db, dbUrl, localDir, pgBin, root } from './lib/config.mjs';
import { StackError, done, main, step } from './lib/log.mjs';
import { isRoot, run } from './lib/run.mjs';
import { ensureDebianPackages } from './provision.mjs';

const readyMarker = 'supabase-local: ready';
const platformDir = path.join(root, 'sql');

/** Can the postgres OS user reach a folder? (A clone in a 0700 temp folder it cannot.) */
const postgresCanReach = (dir) =>
  !isRoot || run('test', ['-x', dir, '-a', '-r', dir], { asPostgres: true, allowFail: true }).status === 0;

/**
 * The folder holding the cluster's data, socket and log: .local/db, or, when the postgres OS
 * user cannot reach the checkout, a folder under /var/lib/postgresql linked from .local/db.
 */
function clusterDir() {
  if (fs.existsSync(db.dataLink)) return fs.realpathSync(db.dataLink);
  fs.mkdirSync(localDir, { recursive: true });
  if (postgresCanReach(localDir)) {
    fs.mkdirSync(db.dataLink);
  } else {
    const hash = crypto.createHash('sha256').update(root).digest('hex').slice(0, 12);
    const target = `/var/lib/postgresql/supabase-local/${hash}`;
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    fs.symlinkSync(target, db.dataLink);
  }
  const dir = fs.realpathSync(db.dataLink);
  if (isRoot) run('chown', ['-R', 'postgres:postgres', dir]);
  return dir;
}

const paths = () => {
  const dir = clusterDir();
  return { dir, data: path.join(dir, 'data'), socket: path.join(dir, 'run'), log: path.join(dir, 'postgres.log') };
};

const pgCtl = (args, options) => run(path.join(pgBin, 'pg_ctl'), args, { asPostgres: true, ...options });

function initCluster(p) {
  step(`creating the local cluster in ${path.relative(root, db.dataLink)}`);
  fs.mkdirSync(p.socket, { recursive: true });
  if (isRoot) run('chown', ['postgres:postgres', p.socket]);
  run(path.join(pgBin, 'initdb'), ['-D', p.data, '-U', 'supabase_admin', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'],
    { asPostgres: true });
  fs.appendFileSync(path.join(p.data, 'postgresql.conf'), `
# Local Supabase-like cluster (scripts/db.mjs)
port = ${db.port}
listen_addresses = '${db.host}'
unix_socket_directories = '${p.socket}'
shared_preload_libraries = 'pg_cron, plpgsql, plpgsql_check'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16
timezone = 'UTC'
log_timezone = 'UTC'
max_connections = 200
# A throwaway development cluster: durability traded for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
`);
  done('cluster created');
}

/** Resolves true when something listens on host:port. */
const portInUse = (port) => new Promise((resolve) => {
  const socket = net.connect({ host: db.host, port });
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

export const isRunning = () => {
  const p = paths();
  return fs.existsSync(p.data) && pgCtl(['-D', p.data, 'status'], { allowFail: true }).status === 0;
};

export async function start() {
  ensureDebianPackages();
  const p = paths();
  if (!fs.existsSync(path.join(p.data, 'PG_VERSION'))) initCluster(p);
  if (isRunning()) {
    done(`database already running on port ${db.port}`);
    return;
  }
  if (await portInUse(db.port)) {
    throw new StackError(`port ${db.port} is in use by another program`,
      `stop that program, or choose another port: LOCAL_DB_PORT=54340 npm start`);
  }
  step(`starting PostgreSQL 15 on port ${db.port}`);
  const result = pgCtl(['-D', p.data, '-l', p.log, '-w', '-t', '60', 'start'], { allowFail: true });
  if (result.status !== 0) {
    const tail = fs.existsSync(p.log) ? fs.readFileSync(p.log, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new StackError(`PostgreSQL did not start:\n${tail}`, `see ${p.log}`);
  }
  done(`database running on port ${db.port}`);
}

export function stop() {
  if (!isRunning()) return;
  pgCtl(['-D', paths().data, '-m', 'fast', '-w', 'stop']);
  done('database stopped');
}

/** Runs SQL (a string or a file) through psql, stopping at the first error. */
export function psql({ sql, file, user = 'supabase_admin', database = db.name, vars = {} }) {
  const args = [dbUrl(user, database), '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At'];
  for (const [key, value] of Object.entries(vars)) args.push('-v', `${key}=${value}`);
  if (file) args.push('-f', file);
  else args.push('-c', sql);
  const result = run(path.join(pgBin, 'psql'), args, { allowFail: true });
  if (result.status !== 0) {
    const where = file ? path.relative(root, file) : 'SQL';
    throw new StackError(`${where}: ${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}

export const isReady = () =>
  isRunning() &&
  psql({ sql: `select shobj_description(oid, 'pg_database') from pg_database where datname = '${db.name}'`, database: 'template1' }) === readyMarker;

function supabase(args) {
  return run(path.join(root, 'node_modules/.bin/supabase'), args, { cwd: root, allowFail: true, env: { SUPABASE_YES: '1' } });
}

/** Applies the migrations that are not yet in supabase_migrations.schema_migrations. */
export function migrate({ includeSeed = false } = {}) {
  step(includeSeed ? 'applying migrations and seed (supabase db push)' : 'applying new migrations (supabase db push)');
  const args = ['db', 'push', `--remote=${dbUrl()}`, '--include-all', '--yes'];
  if (includeSeed) args.push('--include-seed');
  const result = supabase(args);
  if (result.status !== 0) {
    throw new StackError(`migration failed:\n${`${result.stderr}${result.stdout}`.trim()}`,
      'fix the migration named above, then run the command again');
  }
  done('migrations applied');
}

function recreateDatabase() {
  psql({ sql: `drop database if exists ${db.name} with (force)`, database: 'template1' });
  psql({ sql: `create database ${db.name}`, database: 'template1' });
}

/**
 * Rebuilds the database from scratch: platform layer, migrations, seed. A failure anywhere
 * leaves an empty database (never a partly migrated one), and the next start resets again.
 * @param {{defaultPrivileges?: 'revoked'|'granted'}} [options]
 */
export function reset({ defaultPrivileges = process.env.LOCAL_DEFAULT_PRIVILEGES ?? 'revoked' } = {}) {
  step('resetting the database');
  psql({ file: path.join(platformDir, '00_roles.sql'), database: 'template1' });
  recreateDatabase();
  try {
    step(`applying the platform layer (sql/, default privileges ${defaultPrivileges})`);
    for (const file of fs.readdirSync(platformDir).filter((f) => f.endsWith('.sql')).sort()) {
      psql({ file: path.join(platformDir, file), vars: { default_privileges: defaultPrivileges } });
    }
    migrate({ includeSeed: true });
    psql({ sql: `comment on database ${db.name} is '${readyMarker}'` });
  } catch (error) {
    recreateDatabase();
    throw error;
  }
  done('database reset');
}

const commands = {
  start: async () => { await start(); if (!isReady()) reset(); else migrate(); },
  stop,
  status: () => console.log(isRunning() ? `running on port ${db.port}, ${isReady() ? 'ready' : 'not reset'}: ${dbUrl()}` : 'stopped'),
  reset: async () => { await start(); reset(); },
  migrate: async () => { await start(); migrate(); },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => {
    const command = commands[process.argv[2]];
    if (!command) throw new StackError(`unknown command ${process.argv[2] ?? ''}`, `node scripts/db.mjs ${Object.keys(commands).join('|')}`);
    await command();
  });
}
