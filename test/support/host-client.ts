// A browser's view of the browser host for Node tests: POSTs contract calls and keeps the session
// cookie the host sets at sign-in, as a browser would (one client = one browser = one desk).
import { signInInput, type Demo } from './sign-in.js';

export interface HostClient {
  /** POST /api/<name>; the status and parsed body (JSON, or the raw text when it is not). */
  call(name: string, input?: unknown): Promise<{ status: number; body: unknown }>;
  /** Signs in as a demo operator (or a login); throws when refused. */
  signIn(who: Demo | { login: string; passphrase: string }, desk?: string): Promise<void>;
  /** GET a path with the session cookie. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** The Cookie header this client sends ('' before sign-in). */
  readonly cookie: string;
}

export function hostClient(baseUrl: string): HostClient {
  let cookie = '';
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      if (pair.startsWith('vigie_session=')) cookie = pair.length > 'vigie_session='.length ? pair : '';
    }
  };
  const headers = (extra: Record<string, string> = {}) => (cookie ? { ...extra, cookie } : extra);
  const client: HostClient = {
    async call(name, input = {}) {
      const res = await fetch(`${baseUrl}api/${name}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(input),
      });
      keep(res);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: the raw text is the body
      }
      return { status: res.status, body };
    },
    async signIn(who, desk = 'D1') {
      const r = await client.call('signIn', signInInput(who, desk));
      if (r.status !== 200) throw new Error(`signIn refused: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async get(path, init = {}) {
      const res = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { ...headers(), ...(init.headers as Record<string, string> | undefined) },
      });
      keep(res);
      return res;
    },
    get cookie() {
      return cookie;
    },
  };
  return client;
}
