import type { Context, Next } from 'koa';
import { eq } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { users } from '../db/schema.js';
import { errors } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { LoginBody } from './auth.schema.js';
import { verifyPassword } from './passwords.js';
import { SessionUserSchema } from './roles.js';
import { createSession, deleteSession, findSessionUser, loadSessionUser } from './sessions.repository.js';

export const SESSION_COOKIE = 'motcua_sid';

/** Reads the session cookie and puts the user on `ctx.state.user` (absent when not signed in). */
export function sessionMiddleware(db: Db) {
  return async (ctx: Context, next: Next) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) ctx.state.user = (await findSessionUser(db, token)) ?? undefined;
    await next();
  };
}

export function authRoutes(db: Db) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in; sets an httpOnly session cookie',
      tag: 'auth',
      access: 'public',
      body: LoginBody,
      responses: { 200: SessionUserSchema },
      handler: async (ctx, { body }) => {
        const [user] = await db.select().from(users).where(eq(users.username, body.username));
        if (!user || !user.active || !(await verifyPassword(user.passwordHash, body.password))) {
          throw errors.invalidCredentials();
        }
        const token = await createSession(db, user.id);
        ctx.cookies.set(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.cookies.secure,
          maxAge: 7 * 86_400_000,
        });
        ctx.body = await loadSessionUser(db, user.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out',
      tag: 'auth',
      access: 'public',
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
      responses: { 200: Type.Object({ user: Type.Union([SessionUserSchema, Type.Null()]) }) },
      handler: (ctx) => {
        ctx.body = { user: ctx.state.user ?? null };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in user with roles and departments',
      tag: 'auth',
      access: 'signed-in',
      responses: { 200: SessionUserSchema },
      handler: (ctx) => {
        ctx.body = ctx.state.user;
      },
    }),
  ];
}
