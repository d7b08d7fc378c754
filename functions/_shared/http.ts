/** HTTP helpers shared by the edge functions. */

/** A JSON response; errors use the body `{error: {code, message}}`. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The JSON error body every function answers with. */
export function jsonError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}
