import fs from 'node:fs';
import path from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Serves the built web client for every GET that is not the API or one of `serverPaths` (before the session and the
 * router, so an asset costs no database query): a file of client/dist when
 * one matches, otherwise index.html so the client's router handles deep links (SPA fallback).
 * Hashed assets are cached for good; index.html is revalidated so a new build shows at once.
 */
export function staticClient(distDir: string, serverPaths: readonly string[] = []) {
  const root = path.resolve(distDir);
  const own = new Set(serverPaths);
  return async (ctx: Context, next: Next) => {
    const isApi = ctx.path.startsWith('/api/') || ctx.path === '/api' || own.has(ctx.path);
    if (isApi || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const file = resolveInside(root, ctx.path);
    const target =
      file && isFile(file) ? file : path.extname(ctx.path) ? null : path.join(root, 'index.html');
    if (!target || !isFile(target)) return next();
    ctx.status = 200;
    ctx.state.servedClient = true;
    ctx.type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    ctx.set(
      'Cache-Control',
      target.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    // Small built files, read whole: a browser that drops a request mid-stream is no server error.
    ctx.body = await fs.promises.readFile(target);
  };
}

/** The file a URL path names inside `root`, or null when the path tries to leave it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
