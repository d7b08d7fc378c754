// Where the local stack lives and how it is reached. Everything here has a local default and
// can be overridden from the environment; nothing here is ever used in production.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Git-ignored state of the local stack (the cluster); LOCAL_STACK_DIR puts it elsewhere. */
export const localDir = process.env.LOCAL_STACK_DIR ?? path.join(root, '.local');

/** Debian's PostgreSQL 15 binaries. */
export const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * The project-local cluster. Not config.toml's [db] port (54322): the Supabase CLI treats
 * 127.0.0.1:<that port> as its Docker stack.
 */
export const db = {
  host: '127.0.0.1',
  port: Number(process.env.LOCAL_DB_PORT ?? 54330),
  name: 'postgres',
  dataLink: path.join(localDir, 'db'),
};

export const dbUrl = (user = 'postgres', database = db.name) =>
  `postgresql://${user}@${db.host}:${db.port}/${database}?sslmode=disable`;

/** The functions server answers as Supabase's API gateway does, at [api] port. */
export const functionsPort = Number(process.env.LOCAL_FUNCTIONS_PORT ?? 54321);
export const apiUrl = `http://127.0.0.1:${functionsPort}`;

/** Supabase CLI's local JWT secret; signs the local anon and service_role keys. */
export const jwtSecret = process.env.LOCAL_JWT_SECRET ??
  'super-secret-jwt-token-with-at-least-32-characters-long';
