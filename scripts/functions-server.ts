/**
 * The local functions server: serves every function of supabase/config.toml at
 * http://127.0.0.1:54321/functions/v1/<name>, as Supabase's gateway and edge runtime do.
 *
 * Each function runs in its own Deno process (its `Deno.serve` bound through
 * DENO_SERVE_ADDRESS) with the environment Supabase gives a function plus the secrets from
 * functions/.env.example and functions/.env. This router enforces `verify_jwt` and forwards.
 *
 * Run: deno run --allow-all scripts/functions-server.ts (npm start does it for you).
 */
import { parse as parseToml } from 'npm:smol-toml@1.9.1';
import { jwtVerify } from 'npm:jose@6.2.18';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type FunctionConfig = { name: string; entrypoint: string; verifyJwt: boolean };
type Running = FunctionConfig & { port: number; process: Deno.ChildProcess };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(Deno.env.get('LOCAL_FUNCTIONS_PORT') ?? 54321);
const jwtSecret = new TextEncoder().encode(Deno.env.get('LOCAL_JWT_SECRET') ??
  'super-secret-jwt-token-with-at-least-32-characters-long');

function fail(message: string, fix: string): never {
  console.error(`✗ ${message}\n  fix: ${fix}`);
  Deno.exit(1);
}

/** The functions declared in supabase/config.toml, with entrypoints made absolute. */
function readFunctions(): FunctionConfig[] {
  const config = parseToml(Deno.readTextFileSync(path.join(root, 'supabase/config.toml'))) as {
    functions?: Record<string, { enabled?: boolean; verify_jwt?: boolean; entrypoint?: string }>;
  };
  return Object.entries(config.functions ?? {})
    .filter(([, fn]) => fn.enabled !== false)
    .map(([name, fn]) => ({
      name,
      entrypoint: path.resolve(root, 'supabase', fn.entrypoint ?? `functions/${name}/index.ts`),
      verifyJwt: fn.verify_jwt ?? true,
    }));
}

/** KEY=VALUE lines; `#` starts a comment line. */
function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = Deno.readTextFileSync(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return {};
    throw error;
  }
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** Secrets for the functions: documented defaults, then functions/.env, then the environment. */
function functionSecrets(): Record<string, string> {
  const defaults = readEnvFile(path.join(root, 'functions/.env.example'));
  const local = readEnvFile(path.join(root, 'functions/.env'));
  const secrets: Record<string, string> = {};
  for (const key of new Set([...Object.keys(defaults), ...Object.keys(local)])) {
    secrets[key] = Deno.env.get(key) ?? local[key] ?? defaults[key];
  }
  const missing = Object.keys(secrets).filter((key) => secrets[key] === '');
  if (missing.length > 0) {
    fail(`missing secret ${missing.join(', ')} for the edge functions`,
      `set ${missing[0]}=<value> in functions/.env (see functions/.env.example)`);
  }
  return secrets;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function waitForPort(port: number, child: Deno.ChildProcess, name: string): Promise<void> {
  let exited = false;
  child.status.then(() => exited = true);
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited) fail(`function ${name} exited while starting`, `see its output above`);
    try {
      (await Deno.connect({ hostname: '127.0.0.1', port })).close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  fail(`function ${name} did not start within 30 s`, 'see its output above');
}

/** Copies a child's output to ours, each line prefixed with the function's name. */
async function pipeLines(stream: ReadableStream<Uint8Array>, name: string, sink: (line: string) => void) {
  let buffered = '';
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (!line.startsWith('Listening on ')) sink(`[${name}] ${line}`);
  }
}

async function startFunction(fn: FunctionConfig, env: Record<string, string>): Promise<Running> {
  const fnPort = freePort();
  const process = new Deno.Command(Deno.execPath(), {
    args: ['run', '--allow-net', '--allow-env', '--allow-read', '--allow-sys', '--no-prompt', fn.entrypoint],
    cwd: root,
    env: { ...env, DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${fnPort}` },
    stdout: 'piped',
    stderr: 'piped',
  }).spawn();
  pipeLines(process.stdout, fn.name, console.log);
  pipeLines(process.stderr, fn.name, console.error);
  await waitForPort(fnPort, process, fn.name);
  return { ...fn, port: fnPort, process };
}

const errorResponse = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** verify_jwt as Supabase's gateway does it: a valid JWT signed with the project's secret. */
async function checkJwt(request: Request): Promise<Response | null> {
  const header = request.headers.get('authorization');
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) return errorResponse(401, 'missing_authorization', 'Missing authorization header');
  try {
    await jwtVerify(token, jwtSecret, { algorithms: ['HS256'] });
    return null;
  } catch {
    return errorResponse(401, 'invalid_jwt', 'Invalid JWT');
  }
}

async function main() {
  const functions = readFunctions();
  const env = {
    ...functionSecrets(),
    SUPABASE_URL: Deno.env.get('SUPABASE_URL') ?? `http://127.0.0.1:${port}`,
    SUPABASE_DB_URL: Deno.env.get('SUPABASE_DB_URL') ?? fail('SUPABASE_DB_URL is not set', 'start it with npm start'),
    SUPABASE_ANON_KEY: Deno.env.get('SUPABASE_ANON_KEY') ?? fail('SUPABASE_ANON_KEY is not set', 'start it with npm start'),
    SUPABASE_SERVICE_ROLE_KEY: Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ??
      fail('SUPABASE_SERVICE_ROLE_KEY is not set', 'start it with npm start'),
  };
  const running = new Map<string, Running>();
  for (const fn of await Promise.all(functions.map((fn) => startFunction(fn, env)))) running.set(fn.name, fn);

  const server = Deno.serve({ hostname: '127.0.0.1', port, onListen: () => {} }, async (request) => {
    const url = new URL(request.url);
    const match = url.pathname.match(/^\/functions\/v1\/([^/]+)(\/.*)?$/);
    const fn = match ? running.get(match[1]) : undefined;
    if (!fn) return errorResponse(404, 'not_found', `No function at ${url.pathname}`);
    if (fn.verifyJwt && request.method !== 'OPTIONS') {
      const rejected = await checkJwt(request);
      if (rejected) return rejected;
    }
    const target = `http://127.0.0.1:${fn.port}${url.pathname}${url.search}`;
    try {
      return await fetch(target, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
      });
    } catch (error) {
      return errorResponse(502, 'function_unavailable', `${fn.name}: ${(error as Error).message}`);
    }
  });
  console.log(`functions server ready at http://127.0.0.1:${port}/functions/v1/ (${[...running.keys()].join(', ')})`);

  const shutdown = async () => {
    for (const fn of running.values()) {
      try {
        fn.process.kill('SIGTERM');
      } catch { /* already gone */ }
    }
    await server.shutdown();
    Deno.exit(0);
  };
  Deno.addSignalListener('SIGINT', shutdown);
  Deno.addSignalListener('SIGTERM', shutdown);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      fail(`port ${port} is in use by another program`, `stop it, or choose another: LOCAL_FUNCTIONS_PORT=54341 npm start`);
    }
    throw error;
  }
}
