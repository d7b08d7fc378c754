import { afterAll, describe, expect, it } from 'vitest';
import { anon, asRequest, callerFromJwt, connect, rpc, serviceRole, user } from '../lib/postgrest.ts';

const sql = connect();
afterAll(() => sql.end());

describe('asRequest (PostgREST semantics)', () => {
  it('sets the role and the claims for a user', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const [row] = await asRequest(sql, user(id, 'u@example.com'), (tx) =>
      tx`select current_user as role, auth.uid() as uid, auth.email() as email, auth.jwt() ->> 'role' as claim_role`);
    expect(row).toEqual({ role: 'authenticated', uid: id, email: 'u@example.com', claim_role: 'authenticated' });
  });

  it('runs anon and service_role requests as those roles', async () => {
    const [a] = await asRequest(sql, anon, (tx) => tx`select current_user as role, auth.uid() as uid`);
    expect(a).toEqual({ role: 'anon', uid: null });
    const [s] = await asRequest(sql, serviceRole, (tx) => tx`select current_user as role, auth.role() as claim`);
    expect(s).toEqual({ role: 'service_role', claim: 'service_role' });
  });

  it('reads the caller from a JWT', async () => {
    const payload = Buffer.from(JSON.stringify({ role: 'anon', iss: 'supabase-demo' })).toString('base64url');
    const [row] = await asRequest(sql, callerFromJwt(`x.${payload}.y`), (tx) => tx`select current_user as role`);
    expect(row.role).toBe('anon');
  });

  it('passes request headers', async () => {
    const [row] = await asRequest(sql, anon, (tx) => tx`select current_setting('request.headers')::jsonb ->> 'x-client' as h`,
      { headers: { 'x-client': 'ios' } });
    expect(row.h).toBe('ios');
  });

  it('rolls back unless asked to commit', async () => {
    await asRequest(sql, serviceRole, (tx) => tx`select vault.create_secret('v1', 'helper_rollback')`);
    expect(await sql`select 1 from vault.secrets where name = 'helper_rollback'`).toHaveLength(0);
    await asRequest(sql, serviceRole, (tx) => tx`select vault.create_secret('v1', 'helper_commit')`, { commit: true });
    expect(await sql`delete from vault.secrets where name = 'helper_commit' returning 1`).toHaveLength(1);
  });

  it('leaves the role and claims behind at the end of the request', async () => {
    await asRequest(sql, user('22222222-2222-4222-8222-222222222222'), (tx) => tx`select 1`);
    const [row] = await sql`select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims`;
    expect(row).toEqual({ role: 'postgres', claims: '' });
  });

  it('calls RPCs with named arguments and surfaces SQL errors with their code', async () => {
    expect(await rpc(sql, serviceRole, 'storage', 'filename', { name: 'a/b/c.png' })).toBe('c.png');
    await expect(asRequest(sql, anon, (tx) => tx`select * from vault.secrets`)).rejects.toMatchObject({ code: '42501' });
  });
});
