import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** What decides which origins are the app's own: the proxy trust and the public URL. */
export interface OriginPolicy {
  /** TRUST_PROXY: X-Forwarded-Proto and X-Forwarded-Host say where the client addressed the request. */
  trustProxy: boolean;
  /** PUBLIC_URL, whose origin is the app's own wherever the request arrived. */
  publicUrl: string | null;
}

/**
 * The one rule for "a page of this app sent it", shared by the CSRF guard and the socket.io
 * handshake: the browser's `Origin` must be the origin the request was addressed to (scheme
 * and host, read as Koa reads them: forwarded headers only behind a trusted proxy) or the
 * origin of PUBLIC_URL. The literal "null" (sandboxed frames, file: pages) is never own.
 */
export function isOwnOrigin(req: IncomingMessage, origin: string, policy: OriginPolicy): boolean {
  const given = normalise(origin);
  if (!given) return false;
  const own = [requestOrigin(req, policy.trustProxy), policy.publicUrl && normalise(policy.publicUrl)];
  return own.includes(given);
}

/** The scheme and host this request was addressed to, as Koa's `ctx.protocol` and `ctx.host` read them. */
function requestOrigin(req: IncomingMessage, trustProxy: boolean): string | null {
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const forwardedProto = trustProxy ? first(req.headers['x-forwarded-proto']) : undefined;
  const protocol = encrypted ? 'https' : (forwardedProto?.toLowerCase() ?? 'http');
  const host = (trustProxy ? first(req.headers['x-forwarded-host']) : undefined) || first(req.headers.host);
  return host ? normalise(`${protocol}://${host}`) : null;
}

/** `URL.origin`: lower-case host, default port dropped; null for anything that is not http(s). */
function normalise(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]!.trim() || undefined;
}
