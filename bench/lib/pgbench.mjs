// pgbench from a benchmark script: runs one SQL script for a while and returns throughput and
// per-transaction latency percentiles (from pgbench's transaction log).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pgbenchBin = '/usr/lib/postgresql/15/bin/pgbench';

/** Percentile (0–100) of sorted numbers, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * @param {{url: string, script: string, seconds?: number, clients?: number}} options
 *   script: pgbench SQL (may use \set); runs with -M prepared.
 * @returns {{tps: number, transactions: number, meanMs: number, medianMs: number, p95Ms: number}}
 */
export function pgbench({ url, script, seconds = 10, clients = 1 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-'));
  try {
    const file = path.join(dir, 'script.sql');
    fs.writeFileSync(file, script);
    const { hostname, port, username, pathname } = new URL(url);
    const output = execFileSync(pgbenchBin, [
      '-n', '-M', 'prepared', '-f', file, '-T', String(seconds), '-c', String(clients), '-j', String(clients),
      '--log', '--log-prefix', path.join(dir, 'log'),
      '-h', hostname, '-p', port, '-U', decodeURIComponent(username), pathname.slice(1),
    ], { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = Number(output.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1]);
    const latencies = fs.readdirSync(dir).filter((f) => f.startsWith('log'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .filter(Boolean)
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    const mean = latencies.reduce((sum, x) => sum + x, 0) / latencies.length;
    return { tps, transactions: latencies.length, meanMs: mean, medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Formats a row of figures for the benchmark's printout. */
export const formatRun = (label, r) =>
  `${label.padEnd(34)} ${r.tps.toFixed(0).padStart(8)} /s   median ${r.medianMs.toFixed(3)} ms   p95 ${r.p95Ms.toFixed(3)} ms`;
