/** Client-side helper for the JSON route handlers: returns the parsed body or the server's error message. */
export async function sendJson<Result = unknown>(url: string, method: 'POST' | 'PUT' | 'DELETE', body?: unknown): Promise<{ ok: true; data: Result } | { ok: false; error: string; status: number }> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json().catch(() => ({}))) as Result & { error?: string };
    if (!response.ok) return { ok: false, error: data.error ?? `The server answered ${response.status}.`, status: response.status };
    return { ok: true, data };
  } catch {
    return { ok: false, error: 'The server could not be reached. Check your connection and try again.', status: 0 };
  }
}
