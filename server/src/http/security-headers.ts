import type { Context, Next } from 'koa';
import helmet from 'koa-helmet';

/**
 * Helmet's headers with a Content-Security-Policy the client lives within: scripts, styles,
 * fonts and socket.io from this origin only; images also as data: URIs (the receipt's QR code,
 * bpmn-js's icons). bpmn-js and diagram-js set `style` attributes on the diagram's elements, so
 * styles need 'unsafe-inline'. Scripts never run inline nor from strings: forms are validated in
 * the browser by ajv code the server compiles and serves as modules from this origin
 * (validator-module.ts), so no 'unsafe-eval' is needed for ajv's `new Function`
 * (test/client/content-security-policy.spec.ts watches every screen for a violation).
 * No page of ours may be framed.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // The same as frame-ancestors 'none', for browsers that predate CSP 2.
    xFrameOptions: { action: 'deny' },
    // Nothing here is for other origins to embed (the PDFs are downloads from our own pages).
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // HSTS is the TLS proxy's to send: helmet's includeSubDomains would bind sibling sites too.
    strictTransportSecurity: false,
  });
}

/**
 * API answers carry personal data (names, ID numbers, addresses) and lookup secrets: no
 * browser or shared cache may keep them, and a shared computer's back button must not show them.
 * A handler whose answer holds none (a validator module) may set its own Cache-Control after this.
 */
export async function noStoreForApi(ctx: Context, next: Next): Promise<void> {
  if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store');
  await next();
}

/**
 * With an https PUBLIC_URL the browser reaches us over TLS even when the hop from the proxy
 * is plain HTTP and the proxy is not trusted: the cookies say so, and the session cookie is Secure.
 */
export function secureCookiesFor(publicUrl: string | null) {
  const behindTls = publicUrl?.startsWith('https:') ?? false;
  return async (ctx: Context, next: Next) => {
    if (behindTls) ctx.cookies.secure = true;
    await next();
  };
}
