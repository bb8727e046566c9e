import http from 'node:http';
import type { ServerSlot } from './servers.js';
import type { Control, Ledger } from './load.js';

export const HOSTILE_KINDS = [
  'truncated-upload',
  'aborted-upload',
  'nul-body',
  'nul-query',
  'cross-site',
  'wrong-login',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];
type Kind = HostileKind;

/** What the hostile traffic met: refusals are fine, a 5xx or a reset outside a kill is a failure. */
export class HostileTally {
  readonly sent: Record<Kind, number> = Object.fromEntries(HOSTILE_KINDS.map((k) => [k, 0])) as Record<
    Kind,
    number
  >;
  /** 5xx and connection errors while the server was being killed: the kill's doing. */
  excused = 0;
  readonly failures: string[] = [];

  get total(): number {
    return Object.values(this.sent).reduce((a, b) => a + b, 0);
  }
}

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * An attacker's mix, one request at a time against a random server, beside the real load:
 * truncated and aborted multipart uploads, NUL characters in JSON bodies and query strings,
 * posts from another site's page (Origin of another site, with the desk's cookie), and wrong
 * passwords for accounts the load does not sign in with (so a login throttle locks no worker out).
 */
export async function hostileWorker(
  slots: ServerSlot[],
  control: Control,
  ledger: Ledger,
  tally: HostileTally,
  cookie: string,
  kinds: readonly Kind[] = HOSTILE_KINDS,
) {
  for (let n = 0; !control.stopped && kinds.length; n++) {
    await control.gate();
    const kind = kinds[n % kinds.length]!;
    const slot = slots[Math.floor(Math.random() * slots.length)]!;
    const code = [...ledger.intakes.values()].find(Boolean) ?? 'QBD-000000-0000';
    const epoch = slot.epoch;
    tally.sent[kind]++;
    try {
      const answer = await send(slot.baseUrl, kind, cookie, code, n);
      if (answer && answer.status >= 500)
        throw new Error(`HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
      if (answer && kind === 'cross-site' && answer.status !== 403) {
        tally.failures.push(
          `cross-site post answered ${answer.status}, not 403: ${answer.body.slice(0, 200)}`,
        );
      }
    } catch (err) {
      if (slot.down || slot.epoch !== epoch) tally.excused++;
      else tally.failures.push(`${kind} on :${slot.port}: ${(err as Error).message}`);
    }
    // Beside the load, not instead of it: a few requests a second, fewer while a server is down.
    await new Promise((r) => setTimeout(r, slot.down ? 200 : 40));
  }
}

/** One hostile request; null when the attacker itself hung up (nothing to judge). */
function send(base: string, kind: Kind, cookie: string, code: string, n: number): Promise<RawAnswer | null> {
  const json = { 'content-type': 'application/json', cookie };
  switch (kind) {
    case 'truncated-upload': {
      // A well-framed request whose multipart body stops mid-file, without its closing boundary.
      const body = `--b0\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj`;
      return raw(
        base,
        'POST',
        `/api/dossiers/${code}/attachments`,
        { 'content-type': 'multipart/form-data; boundary=b0', cookie },
        body,
      );
    }
    case 'aborted-upload':
      return aborted(base, `/api/dossiers/${code}/attachments`, cookie);
    case 'nul-body':
      return raw(base, 'POST', '/api/dossiers', json, JSON.stringify(hostileIntake(`hostile\u0000${n}`)));
    case 'nul-query':
      return raw(base, 'GET', `/api/dossiers?q=${encodeURIComponent(`Nguy\u0000n`)}&procedure=%00`, {
        cookie,
      });
    case 'cross-site':
      return raw(
        base,
        'POST',
        `/api/dossiers/${code}/receipt`,
        { ...json, origin: 'https://trang-gia-mao.example' },
        '{}',
      );
    case 'wrong-login':
      return raw(
        base,
        'POST',
        '/api/auth/login',
        { 'content-type': 'application/json' },
        JSON.stringify({ username: n % 2 ? 'giamsat' : `khong-co-${n}`, password: 'sai-mat-khau' }),
      );
  }
}

function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return fetch(base + path, { method, headers, body, signal: AbortSignal.timeout(15_000) }).then(
    async (res) => ({
      status: res.status,
      body: await res.text(),
    }),
  );
}

/** Promises more bytes than it sends, then hangs up: the server must let go of the half-read upload. */
function aborted(base: string, path: string, cookie: string): Promise<null> {
  return new Promise((resolve, reject) => {
    const url = new URL(base + path);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b0', 'content-length': '100000', cookie },
    });
    req.on('error', (err) =>
      (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve(null) : reject(err),
    );
    req.on('response', () => resolve(null));
    req.write(
      '--b0\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n',
      () => {
        req.destroy();
        resolve(null);
      },
    );
  });
}

/** Not an `intake-…` business name: the tally never mistakes it for the load's dossiers. */
function hostileIntake(name: string) {
  return {
    procedureCode: 'dang-ky-ho-kinh-doanh',
    channel: 'in_person',
    applicant: { fullName: name, idNumber: '001099012345' },
    data: { businessName: name, businessAddress: '5 Hàng Bông', businessLines: 'Ăn uống', capital: 1 },
  };
}
