// Local API keys and user access tokens for manual testing.
// Usage: node scripts/keys.mjs              → the anon and service_role keys
//        node scripts/keys.mjs token <email> → an access token for that auth user (1 hour)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { dbUrl, pgBin } from './lib/config.mjs';
import { StackError, main } from './lib/log.mjs';
import { anonKey, serviceRoleKey, userAccessToken } from './lib/jwt.mjs';

main(async () => {
  const [command, email] = process.argv.slice(2);
  if (!command) {
    console.log(`SUPABASE_ANON_KEY=${anonKey()}\nSUPABASE_SERVICE_ROLE_KEY=${serviceRoleKey()}`);
    return;
  }
  if (command !== 'token' || !email) throw new StackError('usage: node scripts/keys.mjs [token <email>]');
  // psql substitutes :'email' (quoted safely) only in SQL read from its input, not with -c.
  const row = execFileSync(path.join(pgBin, 'psql'), [dbUrl(), '-XAt', '-v', `email=${email}`], {
    encoding: 'utf8',
    input: `select json_build_object('id', id, 'email', email, 'app', raw_app_meta_data, 'user', raw_user_meta_data)
            from auth.users where email = :'email'`,
  }).trim();
  if (!row) throw new StackError(`no auth user with e-mail ${email}`, 'use the e-mail of a seeded user (see supabase/seed.sql)');
  const user = JSON.parse(row);
  console.log(userAccessToken({ id: user.id, email: user.email, appMetadata: user.app ?? undefined, userMetadata: user.user ?? undefined }));
});
