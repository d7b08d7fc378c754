// HS256 JWTs signed with the local JWT secret: the local anon and service_role keys and user
// access tokens, shaped like the ones Supabase issues.
import crypto from 'node:crypto';
import { jwtSecret } from './config.mjs';

const base64url = (value) => Buffer.from(value).toString('base64url');

/** Signs claims as an HS256 JWT. */
export function signJwt(claims, secret = jwtSecret) {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

// Same claims as the Supabase CLI's local keys, so with the default secret they are the same keys.
const keyClaims = (role) => ({ iss: 'supabase-demo', role, exp: 1983812996 });

export const anonKey = () => signJwt(keyClaims('anon'));
export const serviceRoleKey = () => signJwt(keyClaims('service_role'));

/**
 * An access token for a user, as the Auth server would issue it.
 * @param {{id: string, email?: string, appMetadata?: object, userMetadata?: object}} user
 * @param {number} [ttlSeconds]
 */
export function userAccessToken(user, ttlSeconds = 3600) {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    iss: 'http://127.0.0.1:54321/auth/v1',
    aud: 'authenticated',
    role: 'authenticated',
    sub: user.id,
    email: user.email ?? '',
    app_metadata: user.appMetadata ?? { provider: 'email', providers: ['email'] },
    user_metadata: user.userMetadata ?? {},
    aal: 'aal1',
    iat: now,
    exp: now + ttlSeconds,
    is_anonymous: false,
  });
}
