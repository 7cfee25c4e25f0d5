import { auth, authHeaders } from './auth';

/** A problem+json answer of the API, with the violations it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; violations?: Array<{ field: string; message: string }> },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** Calls the API (same origin) with the console's credentials; JSON in and out. */
export async function call<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(await authHeaders())) {
    headers.set(name, value);
  }
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json');
  }
  const response = await fetch(path, { ...init, headers });
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401) {
    await auth().unauthorized();
  }
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' && body !== null ? body : { detail: String(body) });
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Hands a text to the user as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
