/**
 * Runs SQL exactly as PostgREST does for one request: one transaction, `set local role`,
 * `request.jwt.claims` (and optionally `request.headers`) from the caller, then the statement.
 * The transaction rolls back unless `commit: true`, so tests leave no trace by default.
 */
import postgres from 'postgres';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

/** Who makes the request: an API key's role, a signed-in user, or raw JWT claims. */
export type Caller =
  | { role: 'anon' }
  | { role: 'service_role' }
  | { role: 'authenticated'; userId: string; email?: string; claims?: Record<string, unknown> }
  | { claims: Record<string, unknown> & { role: string } };

export const anon: Caller = { role: 'anon' };
export const serviceRole: Caller = { role: 'service_role' };
export const user = (userId: string, email?: string): Caller => ({ role: 'authenticated', userId, email });

/** The caller of a JWT (an API key or a user's access token), read from its payload. */
export function callerFromJwt(jwt: string): Caller {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  return { claims: payload };
}

function claimsOf(caller: Caller): { role: string; claims: Record<string, unknown> } {
  if ('claims' in caller && !('userId' in caller)) return { role: caller.claims.role, claims: caller.claims };
  if (caller.role === 'authenticated') {
    return {
      role: 'authenticated',
      claims: { sub: caller.userId, role: 'authenticated', aud: 'authenticated', email: caller.email ?? '', ...caller.claims },
    };
  }
  return { role: caller.role, claims: { role: caller.role } };
}

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback');
  }
}

export type RequestOptions = { headers?: Record<string, string>; commit?: boolean };

/** Runs `statement` inside one PostgREST-style request transaction and returns its result. */
export async function asRequest<T>(
  sql: Sql,
  caller: Caller,
  statement: (tx: Tx) => Promise<T>,
  options: RequestOptions = {},
): Promise<T> {
  const { role, claims } = claimsOf(caller);
  try {
    return await sql.begin(async (tx) => {
      await tx`select set_config('role', ${role}, true),
                      set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
                      set_config('request.headers', ${JSON.stringify(options.headers ?? {})}, true),
                      set_config('request.method', 'POST', true)`;
      const result = await statement(tx);
      if (!options.commit) throw new Rollback(result);
      return result;
    }) as T;
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

/**
 * Calls an RPC with named arguments, as PostgREST's POST /rpc/<name> does, and returns the
 * function's result (the value for a scalar function, the rows for a set-returning one).
 */
export function rpc<T = unknown>(
  sql: Sql,
  caller: Caller,
  schema: string,
  name: string,
  args: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<T> {
  return asRequest(sql, caller, async (tx) => {
    const names = Object.keys(args);
    for (const identifier of [schema, name, ...names]) {
      if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) throw new Error(`not an identifier: ${identifier}`);
    }
    const params = names.map((key, i) => `"${key}" => $${i + 1}`).join(', ');
    const rows = await tx.unsafe(`select * from "${schema}"."${name}"(${params})`, names.map((k) => args[k]) as never[]);
    return (rows.length === 1 && Object.keys(rows[0]).length === 1 && name in rows[0] ? rows[0][name] : rows) as T;
  }, options);
}

/** A client for the local database (SUPABASE_DB_URL, set by npm test). */
export function connect(url = process.env.SUPABASE_DB_URL): Sql {
  if (!url) throw new Error('SUPABASE_DB_URL is not set: run the tests with npm test');
  return postgres(url, { max: 4, onnotice: () => {} });
}
