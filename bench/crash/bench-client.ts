export interface Answer {
  status: number;
  // Response bodies are JSON whose shape each caller knows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * A signed-in HTTP client in front of one or more servers, as a citizen-facing load balancer
 * would be: a request that meets a dead server (refused, reset, timed out) is sent again,
 * to another server when there is one, until some server answers. Only idempotent requests
 * (GETs, or POSTs carrying an Idempotency-Key) may be sent this way, which is the point.
 */
export class BenchClient {
  private cookie: string | null = null;
  private turn = 0;
  retries = 0;

  constructor(
    private readonly servers: readonly string[],
    /** Checked between attempts: true abandons the request (the run is being torn down). */
    private readonly abandoned: () => boolean = () => false,
  ) {
    this.turn = Math.floor(Math.random() * servers.length);
  }

  async login(username: string, password: string): Promise<void> {
    const answer = await this.send('POST', '/api/auth/login', { username, password });
    if (answer?.status !== 200)
      throw new Error(`login ${username}: ${answer?.status} ${JSON.stringify(answer?.body)}`);
  }

  /** The answer of the first server that gives one, or null if the run was torn down first. */
  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer | null> {
    for (let attempt = 0; ; attempt++) {
      if (this.abandoned()) return null;
      const base = this.servers[this.turn++ % this.servers.length]!;
      try {
        const answer = await this.once(base, method, path, body, headers);
        // A 5xx may come from a server dying mid-request; with an idempotency key it is safe to ask again.
        if (answer.status >= 500 && (method === 'GET' || headers['Idempotency-Key']))
          throw new Error(`HTTP ${answer.status}`);
        return answer;
      } catch {
        this.retries++;
        await new Promise((r) => setTimeout(r, Math.min(500, 25 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  private async once(
    base: string,
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Answer> {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return {
      status: res.status,
      body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
    };
  }
}
