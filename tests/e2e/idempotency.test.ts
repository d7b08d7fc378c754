// A concurrent duplicate of an idempotent call waits for the first and replays its response.
import { afterAll, describe, expect, it } from 'vitest';
import { asRequest, connect, user } from '../lib/postgrest.ts';

const first = connect();
const second = connect();
afterAll(() => Promise.all([first.end(), second.end()]));

describe('idempotency under concurrency', () => {
  it('the second of two simultaneous identical calls replays the first', async () => {
    const caller = user(crypto.randomUUID());
    const requestId = crypto.randomUUID();
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstBegan!: () => void;
    const began = new Promise<void>((resolve) => (firstBegan = resolve));

    const one = asRequest(first, caller, async (tx) => {
      const [{ replay }] = await tx`select private.idempotency_begin('app.rpc', ${requestId}, '{"n": 1}') as replay`;
      firstBegan();
      await firstHolds; // the effect takes a while; the duplicate arrives meanwhile
      await tx`select private.idempotency_finish('app.rpc', ${requestId}, '{"result": 1}')`;
      return replay;
    }, { commit: true });

    await began;
    const two = asRequest(second, caller, async (tx) => {
      const [{ replay }] = await tx`select private.idempotency_begin('app.rpc', ${requestId}, '{"n": 1}') as replay`;
      return replay;
    }, { commit: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();

    expect(await one).toBeNull();
    expect(await two).toEqual({ result: 1, replayed: true });
    await first`delete from private.idempotency_keys where client_request_id = ${requestId}`;
  });
});
