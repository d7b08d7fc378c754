/**
 * health: answers 200 with the service's name and time, so a caller (or a monitor) can check
 * that the functions runtime is up and that its key is accepted.
 */
import { json, jsonError } from '../_shared/http.ts';

Deno.serve((request: Request) => {
  if (request.method !== 'GET' && request.method !== 'POST') {
    return jsonError(405, 'method_not_allowed', 'use GET or POST');
  }
  return json({ status: 'ok', service: 'health', time: new Date().toISOString() });
});
