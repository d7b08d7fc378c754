// net.http_post / http_get queue requests; the local worker delivers them and records the
// responses in net._http_response, as pg_net does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetWorker } from '../../scripts/net-worker.mjs';
import { connect } from '../lib/postgrest.ts';

const sql = connect();
const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    if (request.url?.startsWith('/slow')) return setTimeout(() => response.end('late'), 2000);
    response.writeHead(request.url?.startsWith('/fail') ? 500 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ echoed: body }));
  });
});
let origin = '';
// A worker of the test's own, so the test decides when delivery happens.
const worker = createNetWorker({ url: process.env.SUPABASE_DB_URL });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await worker.stop();
  await sql.end();
  server.close();
});

async function responseFor(id: bigint | number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    await worker.deliverPending();
    const [row] = await sql`select * from net._http_response where id = ${id}`;
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no response recorded for request ${id}`);
}

describe('net.http_post and the worker', () => {
  it('queues a POST and delivers it with its body, headers and params', async () => {
    const [{ id }] = await sql`select net.http_post(
      url := ${origin + '/hook'}, body := '{"job": "digest"}'::jsonb, params := '{"a": "1"}'::jsonb,
      headers := '{"Content-Type": "application/json", "Authorization": "Bearer t"}'::jsonb) as id`;
    const row = await responseFor(id);
    expect(row.status_code).toBe(200);
    expect(JSON.parse(row.content)).toEqual({ echoed: '{"job": "digest"}' });
    const request = received.find((r) => r.url === '/hook?a=1')!;
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe('Bearer t');
    expect(await sql`select 1 from net.http_request_queue where id = ${id}`).toHaveLength(0);
  });

  it('delivers GETs and records error statuses', async () => {
    const [{ id }] = await sql`select net.http_get(${origin + '/fail'}) as id`;
    const row = await responseFor(id);
    expect(row.status_code).toBe(500);
    expect(received.some((r) => r.method === 'GET' && r.url === '/fail')).toBe(true);
  });

  it('records timeouts and unreachable hosts as pg_net does', async () => {
    const [{ id: slow }] = await sql`select net.http_post(${origin + '/slow'}, timeout_milliseconds := 200) as id`;
    const timedOut = await responseFor(slow);
    expect(timedOut.timed_out).toBe(true);
    expect(timedOut.status_code).toBeNull();
    const [{ id: closed }] = await sql`select net.http_get('http://127.0.0.1:9/closed') as id`;
    const refused = await responseFor(closed);
    expect(refused.error_msg).toBeTruthy();
  });

  it('is not callable by the API roles', async () => {
    await expect(sql.begin(async (tx) => {
      await tx`set local role authenticated`;
      await tx`select net.http_post('http://127.0.0.1:9/x')`;
    })).rejects.toMatchObject({ code: '42501' });
  });
});
