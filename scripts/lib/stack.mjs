// The running parts of the local stack that start and test share: the functions server and
// the environment every function and test gets.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { apiUrl, dbUrl, functionsPort, root } from './config.mjs';
import { anonKey, serviceRoleKey } from './jwt.mjs';
import { StackError } from './log.mjs';

export const denoBin = path.join(root, 'node_modules/.bin/deno');

/** The environment Supabase gives a function, for the local stack. */
export const stackEnv = () => ({
  SUPABASE_URL: apiUrl,
  SUPABASE_DB_URL: dbUrl(),
  SUPABASE_ANON_KEY: anonKey(),
  SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey(),
  LOCAL_FUNCTIONS_PORT: String(functionsPort),
});

/**
 * Starts scripts/functions-server.ts and resolves once it serves.
 * @param {{quiet?: boolean}} [options] quiet: keep the functions' output for failures only.
 * @returns {Promise<{stop: () => Promise<void>, output: () => string}>}
 */
export function startFunctionsServer({ quiet = false } = {}) {
  const child = spawn(denoBin, ['run', '--allow-all', 'scripts/functions-server.ts'], {
    cwd: root,
    env: { ...process.env, ...stackEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
      if (output.includes('functions server ready')) {
        resolve({
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => reject(new StackError(`the functions server exited (${code}):\n${output.trim()}`)));
  });
}
