// pgbench from a benchmark script: runs one SQL script (pgbench syntax, \set allowed) against
// SUPABASE_DB_URL for a time or a number of transactions, and returns the throughput and the
// per-transaction latencies from pgbench's transaction log. Shared by every bench/*.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const pgbenchBin = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

/** libpq connection arguments of a postgresql:// URL. */
function connectionArgs(url) {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'),
          u.pathname.slice(1) || 'postgres'];
}

/**
 * @param {{url: string, name: string, script: string, clients?: number, seconds?: number, transactions?: number,
 *          queryMode?: 'prepared' | 'simple'}} options
 *   seconds runs for a time (-T), transactions a fixed count per client (-t); queryMode 'simple'
 *   for scripts with several statements in one line (`\;`), which prepared mode refuses.
 * @returns {{tps: number, transactions: number, failed: number, latenciesMs: number[]}}
 */
export function runPgbench({ url, name, script, clients = 1, seconds, transactions, queryMode = 'prepared' }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  try {
    const file = path.join(dir, `${name}.sql`);
    fs.writeFileSync(file, script);
    const args = ['-n', '-M', queryMode, '-c', String(clients), '-j', String(Math.min(clients, 4)),
                  '-f', file, '-l', `--log-prefix=${path.join(dir, 'log')}`, '--random-seed=42'];
    args.push(...(seconds ? ['-T', String(seconds)] : ['-t', String(transactions)]));
    const result = spawnSync(pgbenchBin, [...args, ...connectionArgs(url)], { encoding: 'utf8', env: { ...process.env, PGSSLMODE: 'disable' } });
    if (result.status !== 0) throw new Error(`pgbench ${name} failed:\n${result.stderr}${result.stdout}`);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(result.stdout)?.[1] ?? 0);
    const latenciesMs = fs.readdirSync(dir).filter((f) => f.startsWith('log'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .filter(Boolean)
      .map((line) => Number(line.split(' ')[2]) / 1000);
    return { tps, transactions: latenciesMs.length, failed, latenciesMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The q-quantile (0..1) of a list of numbers (nearest rank). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Throughput and latency figures of a run, rounded for printing. */
export function summarize(run) {
  const mean = run.latenciesMs.reduce((sum, x) => sum + x, 0) / run.latenciesMs.length;
  return {
    tps: Math.round(run.tps),
    transactions: run.transactions,
    mean_ms: Number(mean.toFixed(3)),
    median_ms: Number(quantile(run.latenciesMs, 0.5).toFixed(3)),
    p95_ms: Number(quantile(run.latenciesMs, 0.95).toFixed(3)),
    p99_ms: Number(quantile(run.latenciesMs, 0.99).toFixed(3)),
  };
}
