import { DEMO_PASSWORD } from '../../server/src/seed/demo.js';
import { DEMO_ADMIN_PASSWORD } from '../../server/src/core/config.js';
import { checkAnswer } from './response-contract.js';

/** A password that passes the policy, for users a test creates through the admin API. */
export const CREATED_USER_PASSWORD = 'Thu-nghiem-mot-cua-2026';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A signed-in (or anonymous) HTTP client with its own session cookie. */
export class ApiClient {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** Signs in a user: by default a demo user (admin with the admin password, others with the demo password). */
  static async as(baseUrl: string, username: string, password?: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await client.post('/api/auth/login', {
      username,
      password: password ?? (username === 'admin' ? DEMO_ADMIN_PASSWORD : DEMO_PASSWORD),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
    return client;
  }

  /** The same session against another server (a restart of the same data on a new port). */
  at(baseUrl: string): ApiClient {
    const copy = new ApiClient(baseUrl);
    copy.cookie = this.cookie;
    return copy;
  }

  /** The session cookie as a request header, for requests this client cannot make (raw or cut bodies). */
  sessionHeaders(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('GET', path);
  }

  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, headers);
  }

  /** A multipart upload (the browser's FormData), with this client's session. */
  async postForm<T = any>(
    path: string,
    form: FormData,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: form,
    });
    const answer = { status: res.status, body: (await res.json()) as T };
    await checkAnswer(this.baseUrl, 'POST', path, answer.status, 'application/json', answer.body);
    return answer;
  }

  /** The raw response, for bodies that are files. */
  async fetchRaw(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const answer = {
      status: res.status,
      // JSON lines stay text: the contract check reads them line by line.
      body: (type.includes('json') && !type.includes('x-ndjson') && text ? JSON.parse(text) : text) as T,
    };
    await checkAnswer(this.baseUrl, method, path, answer.status, type, answer.body);
    return answer;
  }
}
