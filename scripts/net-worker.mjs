// The local stand-in for pg_net's background worker: sends the requests that net.http_post /
// http_get / http_delete queue in net.http_request_queue and records each answer in
// net._http_response, as pg_net does. It wakes on NOTIFY net_http_request and also polls.
import postgres from 'postgres';
import { dbUrl } from './lib/config.mjs';
import { main } from './lib/log.mjs';

const batchSize = 50;
const pollMilliseconds = 1000;

/** Sends one queued request; returns the row for net._http_response. */
async function send(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeout_milliseconds);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      signal: controller.signal,
    });
    const content = await response.text();
    return {
      id: request.id,
      status_code: response.status,
      content_type: response.headers.get('content-type'),
      headers: Object.fromEntries(response.headers),
      content,
      timed_out: false,
      error_msg: null,
    };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return {
      id: request.id, status_code: null, content_type: null, headers: null, content: null,
      timed_out: timedOut,
      error_msg: timedOut ? `Timeout of ${request.timeout_milliseconds} ms reached` : String(error.cause?.message ?? error.message),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {{url?: string, log?: (line: string) => void}} [options]
 * @returns {{deliverPending: () => Promise<number>, start: () => Promise<void>, stop: () => Promise<void>}}
 */
export function createNetWorker({ url = dbUrl(), log = () => {} } = {}) {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  let timer = null;
  let running = null;

  /** Sends everything queued now; resolves with the number of requests sent. */
  async function deliverPending() {
    let sent = 0;
    for (;;) {
      const batch = await sql.begin(async (tx) => {
        const requests = await tx`
          select id, method::text, url, headers, body, timeout_milliseconds
          from net.http_request_queue order by id limit ${batchSize} for update skip locked`;
        if (requests.length === 0) return 0;
        const responses = await Promise.all(requests.map(send));
        await tx`insert into net._http_response ${tx(responses, 'id', 'status_code', 'content_type', 'headers', 'content', 'timed_out', 'error_msg')}`;
        await tx`delete from net.http_request_queue where id = any(${requests.map((r) => r.id)})`;
        for (const r of responses) log(`net: ${r.id} → ${r.status_code ?? r.error_msg}`);
        return requests.length;
      });
      sent += batch;
      if (batch < batchSize) return sent;
    }
  }

  /** Runs one delivery at a time; a wake-up during a delivery runs another after it. */
  const wake = () => {
    running = (running ?? Promise.resolve()).then(deliverPending).catch((error) => log(`net: ${error.message}`));
    return running;
  };

  return {
    deliverPending,
    async start() {
      await sql.listen('net_http_request', wake);
      timer = setInterval(wake, pollMilliseconds);
      await wake();
    },
    async stop() {
      clearInterval(timer);
      await running;
      await sql.end({ timeout: 1 });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => {
    const worker = createNetWorker({ log: console.log });
    await worker.start();
    console.log('net worker running; Ctrl-C stops it');
    process.once('SIGINT', () => worker.stop().then(() => process.exit(0)));
  });
}
