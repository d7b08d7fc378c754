import { json, jsonError } from '../_shared/http.ts';

/** GET or POST → 200 with the service's name and time; anything else → 405. */
export function handleHealth(request: Request): Response {
  if (request.method !== 'GET' && request.method !== 'POST') {
    return jsonError(405, 'method_not_allowed', 'use GET or POST');
  }
  return json({ status: 'ok', service: 'health', time: new Date().toISOString() });
}
