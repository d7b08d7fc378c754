import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { handleHealth } from '../../functions/health/handler.ts';

Deno.test('health answers GET with status ok', async () => {
  const response = handleHealth(new Request('http://localhost/functions/v1/health'));
  assertEquals(response.status, 200);
  assertEquals(response.headers.get('content-type'), 'application/json; charset=utf-8');
  const body = await response.json();
  assertEquals(body.status, 'ok');
  assertEquals(Number.isNaN(Date.parse(body.time)), false);
});

Deno.test('health answers POST with any body, even malformed JSON', async () => {
  const response = handleHealth(new Request('http://localhost/', { method: 'POST', body: '{not json' }));
  assertEquals(response.status, 200);
  await response.body?.cancel();
});

Deno.test('health refuses other methods with a JSON error', async () => {
  const response = handleHealth(new Request('http://localhost/', { method: 'DELETE' }));
  assertEquals(response.status, 405);
  assertEquals(await response.json(), { error: { code: 'method_not_allowed', message: 'use GET or POST' } });
});
