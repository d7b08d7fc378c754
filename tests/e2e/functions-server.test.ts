// The local functions server: verify_jwt as Supabase's gateway enforces it, and JSON errors.
import { describe, expect, it } from 'vitest';
import { signJwt, userAccessToken } from '../../scripts/lib/jwt.mjs';

const base = `${process.env.SUPABASE_URL}/functions/v1`;
const anonKey = process.env.SUPABASE_ANON_KEY!;
const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;

const get = (path: string, token?: string) =>
  fetch(`${base}/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('functions server', () => {
  it('serves health with the anon key, the service_role key and a user token', async () => {
    for (const token of [anonKey, serviceRoleKey, userAccessToken({ id: crypto.randomUUID(), email: 'a@example.com' })]) {
      const response = await get('health', token);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', service: 'health' });
    }
  });

  it('refuses a request without a key', async () => {
    const response = await get('health');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'missing_authorization', message: 'Missing authorization header' } });
  });

  it('refuses forged, tampered and expired tokens', async () => {
    const forged = signJwt({ role: 'service_role', iss: 'supabase-demo' }, 'not-the-project-secret-not-the-project-secret');
    const [header, , signature] = anonKey.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url')}.${signature}`;
    const expired = userAccessToken({ id: crypto.randomUUID() }, -60);
    for (const token of [forged, tampered, expired, 'not-a-jwt']) {
      const response = await get('health', token);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('invalid_jwt');
    }
  });

  it('answers 404 JSON for an unknown function', async () => {
    const response = await get('no-such-function', anonKey);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('passes the function its method errors', async () => {
    const response = await fetch(`${base}/health`, { method: 'PUT', headers: { authorization: `Bearer ${anonKey}` } });
    expect(response.status).toBe(405);
    expect((await response.json()).error.code).toBe('method_not_allowed');
  });
});
