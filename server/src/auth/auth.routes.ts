import type { Context, Next } from 'koa';
import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { authenticate, changeOwnPassword } from './accounts.service.js';
import { ChangePasswordBody, LoginBody } from './auth.schema.js';
import { dummyHash } from './passwords.js';
import { SessionUserSchema } from '../core/roles.js';
import {
  createSession,
  deleteSession,
  findSessionUser,
  loadSessionUser,
  sessionMaxAgeMs,
} from './sessions.repository.js';

export const SESSION_COOKIE = 'motcua_sid';

/** Reads the session cookie and puts the user on `ctx.state.user` (absent when not signed in). */
export function sessionMiddleware(db: Db) {
  return async (ctx: Context, next: Next) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) ctx.state.user = (await findSessionUser(db, token)) ?? undefined;
    await next();
  };
}

/** Starts a session for `userId` and hands its cookie to the browser. */
async function signIn(ctx: Context, db: Db, userId: string): Promise<void> {
  const token = await createSession(db, userId);
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.cookies.secure,
    maxAge: sessionMaxAgeMs(),
  });
}

export function authRoutes(db: Db) {
  // Made now rather than at the first unknown username, whose answer would otherwise be slower.
  void dummyHash();
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in; sets an httpOnly session cookie',
      tag: 'auth',
      access: 'public',
      scope: 'none',
      errors: ['invalid_credentials', 'too_many_attempts', 'sign_in_busy'],
      body: LoginBody,
      responses: { 200: SessionUserSchema },
      handler: async (ctx, { body }) => {
        const userId = await authenticate(db, body.username, body.password, ctx.ip);
        await signIn(ctx, db, userId);
        ctx.body = await loadSessionUser(db, userId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out',
      tag: 'auth',
      access: 'public',
      scope: 'none',
      responses: { 200: Type.Object({ ok: Type.Boolean() }) },
      handler: async (ctx) => {
        const token = ctx.cookies.get(SESSION_COOKIE);
        if (token) await deleteSession(db, token);
        ctx.cookies.set(SESSION_COOKIE, null);
        ctx.body = { ok: true };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/session',
      summary: 'Who is signed in, or null: lets a page ask without a 401',
      tag: 'auth',
      access: 'public',
      scope: 'none',
      responses: { 200: Type.Object({ user: Type.Union([SessionUserSchema, Type.Null()]) }) },
      handler: (ctx, { user }) => {
        ctx.body = { user: user ?? null };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in user with roles and departments',
      tag: 'auth',
      access: 'signed-in',
      scope: 'none',
      responses: { 200: SessionUserSchema },
      handler: (ctx, { user }) => {
        ctx.body = user;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/password',
      summary: 'Change my password; every session of mine ends and this one is renewed',
      tag: 'auth',
      access: 'signed-in',
      scope: 'none',
      errors: ['wrong_current_password', 'weak_password', 'too_many_attempts', 'sign_in_busy'],
      body: ChangePasswordBody,
      responses: { 200: Type.Object({ ok: Type.Boolean() }) },
      handler: async (ctx, { body, user }) => {
        await changeOwnPassword(db, user, body, ctx.ip);
        await signIn(ctx, db, user.id);
        ctx.body = { ok: true };
      },
    }),
  ];
}
