// Child processes for the local stack's scripts.
import { spawn, spawnSync } from 'node:child_process';
import { StackError } from './log.mjs';

export const isRoot = process.getuid?.() === 0;

/**
 * Runs a command to completion and returns its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{asPostgres?: boolean, env?: object, input?: string, cwd?: string, allowFail?: boolean}} [options]
 *   asPostgres: run as the postgres OS user (PostgreSQL refuses to run as root).
 */
export function run(cmd, args, options = {}) {
  const [file, argv] = options.asPostgres && isRoot
    ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
    : [cmd, args];
  const result = spawnSync(file, argv, {
    encoding: 'utf8',
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFail) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
    throw new StackError(`${cmd} ${args.join(' ')} failed:\n${output}`);
  }
  return result;
}

/**
 * Runs a command with its output shown as it comes; resolves with its exit code.
 * @returns {Promise<number>}
 */
export function runShown(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
