// Installs what the local stack needs and is missing: npm dependencies, and PostgreSQL 15 with
// its extension packages from Debian (as root; otherwise it stops with the command to run).
// Uses only Node's built-in modules: it runs before the npm dependencies exist.
import fs from 'node:fs';
import path from 'node:path';
import { root, pgBin } from './lib/config.mjs';
import { StackError, step, done, main } from './lib/log.mjs';
import { isRoot, run } from './lib/run.mjs';

const extensionDir = '/usr/share/postgresql/15/extension';

/** Debian package → the file that shows it is installed. */
export const debianPackages = {
  'postgresql-15': path.join(pgBin, 'postgres'),
  'postgresql-15-pgtap': path.join(extensionDir, 'pgtap.control'),
  'postgresql-15-plpgsql-check': path.join(extensionDir, 'plpgsql_check.control'),
  'postgresql-15-postgis-3': path.join(extensionDir, 'postgis.control'),
  'postgresql-15-cron': path.join(extensionDir, 'pg_cron.control'),
  'libtap-parser-sourcehandler-pgtap-perl': '/usr/bin/pg_prove',
};

export function ensureDebianPackages() {
  const missing = Object.entries(debianPackages)
    .filter(([, marker]) => !fs.existsSync(marker))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot) {
    throw new StackError(`missing Debian packages: ${missing.join(', ')}`, `run as root: ${command}`);
  }
  step(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
  done('Debian packages installed');
}

/** True when every dependency in package.json is present in node_modules. */
function npmDependenciesPresent() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.every((name) => fs.existsSync(path.join(root, 'node_modules', name, 'package.json')));
}

export function ensureNpmDependencies() {
  if (npmDependenciesPresent()) return;
  // `npm install` follows package-lock.json; `npm ci` is not used because this npm leaves other
  // platforms' optional packages (deno, rollup) out of the lock file and ci then refuses it.
  step('installing npm dependencies (npm install)');
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
  done('npm dependencies installed');
}

export function provision() {
  ensureNpmDependencies();
  ensureDebianPackages();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => {
    provision();
    done('everything the local stack needs is installed');
  });
}
