import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import type { Db } from './core/db.js';
import { errorHandler, methodErrorBodies } from './http/error-handler.js';
import { errors } from './core/errors.js';
import { mountRoutes, defineRoute, rawBodyTypes, type AnyRoute } from './http/route.js';
import { jsonBodiesOnly, sameOriginGuard } from './http/csrf.js';
import { noStoreForApi, secureCookiesFor, securityHeaders } from './http/security-headers.js';
import { buildOpenApi, OpenApiDocument } from './http/openapi.js';
import { rateLimit } from './http/rate-limit.js';
import { authRoutes, sessionMiddleware } from './auth/auth.routes.js';
import { organisationRoutes } from './organisation/organisation.routes.js';
import { procedureRoutes } from './procedures/procedures.routes.js';
import { draftRoutes } from './drafts/drafts.routes.js';
import { dossierRoutes } from './dossiers/dossiers.routes.js';
import { dossierCommentRoutes } from './dossiers/dossier-comments.routes.js';
import { taskRoutes } from './tasks/tasks.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { deadlineRoutes } from './deadlines/deadlines.routes.js';
import type { LiveUpdates } from './realtime/live-updates.js';
import { attachmentRoutes } from './attachments/attachments.routes.js';
import { receiptRoutes } from './receipts/receipts.routes.js';
import { paperRoutes } from './papers/papers.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { dashboardRoutes } from './reports/dashboard.routes.js';
import { stepWaitingRoutes } from './reports/step-waiting.routes.js';
import { validatorRoutes } from './validators/validators.routes.js';
import { applicantRoutes } from './applicants/applicants.routes.js';
import { staticClient } from './web/static-client.js';
import { findDossierInScope } from './access/dossier-scope.js';
import { recordPersonalDataRead } from './access/personal-data-audit.js';
import { OPS_PATHS, opsRoutes, type OpsOptions } from './ops/ops.routes.js';
import { requestLog } from './ops/request-log.js';
import { errorFields, logger } from './core/logger.js';

/** Large enough for a big BPMN diagram; anything larger is refused before it is parsed. */
const BODY_LIMIT = '3mb';

export interface AppDeps {
  db: Db;
  live: LiveUpdates;
  /** Where attachments are stored (DATA_DIR/files). */
  filesDir: string;
  /** Base URL citizens reach the app at, for links on receipts and in notices; null: the request's origin. */
  publicUrl: string | null;
  /** TRUST_PROXY: believe X-Forwarded-* (client address, scheme, host). */
  trustProxy: boolean;
  /** The built web client served for non-API paths; null: API only. */
  clientDist: string | null;
  /** Readiness and who may scrape /metrics. */
  ops: OpsOptions;
}

/** The Koa app: one error handler, the session, then the feature routes. */
export function createApp({ db, live, filesDir, publicUrl, trustProxy, clientDist, ops }: AppDeps): Koa {
  const app = new Koa({ proxy: trustProxy });
  const routes: AnyRoute[] = [
    ...authRoutes(db),
    ...organisationRoutes(db),
    ...procedureRoutes(db),
    ...draftRoutes(db),
    ...dossierRoutes(db, live, publicUrl),
    ...dossierCommentRoutes(db),
    ...taskRoutes(db, live),
    ...calendarRoutes(db),
    ...deadlineRoutes(db),
    ...attachmentRoutes(db, filesDir),
    ...receiptRoutes(db, publicUrl),
    ...paperRoutes(db),
    ...applicantRoutes(db),
    ...reportRoutes(db),
    ...exportRoutes(db),
    ...dashboardRoutes(db),
    ...stepWaitingRoutes(db),
    ...validatorRoutes(),
    ...opsRoutes(db, ops),
  ];
  // The document lists its own route too; it is built once, before the first request.
  routes.push(
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This OpenAPI document',
      tag: 'meta',
      access: 'public',
      scope: 'none',
      responses: { 200: OpenApiDocument },
      handler: (ctx) => {
        ctx.body = openapi;
      },
    }),
  );
  const openapi = buildOpenApi(routes);
  const router = new Router();
  router.use('/api/public', rateLimit(60, 60_000));
  mountRoutes(router, routes, {
    gate: (user, by, value) =>
      findDossierInScope(db, user, by === 'code' ? { by, code: value } : { by, id: value }),
    audit: (read) => recordPersonalDataRead(db, read),
  });

  app.on('error', (err: Error, ctx?: Koa.Context) => {
    // The route pattern, not the path: a path can carry a dossier code or a lookup secret.
    const route = (ctx as { _matchedRoute?: unknown } | undefined)?._matchedRoute;
    logger.error(
      { ...errorFields(err), requestId: ctx?.state.requestId, method: ctx?.method, route },
      'request failed',
    );
  });
  // socket.io shares the HTTP server and answers its own requests: Koa must not touch them.
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/socket.io/')) ctx.respond = false;
    else await next();
  });
  app.use(requestLog());
  app.use(errorHandler);
  app.use(securityHeaders());
  app.use(noStoreForApi);
  app.use(secureCookiesFor(publicUrl));
  if (clientDist) app.use(staticClient(clientDist, OPS_PATHS));
  // Before the body parser: a refused request's body is never read.
  app.use(sameOriginGuard({ trustProxy, publicUrl }));
  app.use(jsonBodiesOnly(rawBodyTypes(routes)));
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: BODY_LIMIT,
      encoding: 'utf-8',
      onError: (err) => {
        throw (err as { status?: number }).status === 413
          ? errors.payloadTooLarge(BODY_LIMIT)
          : errors.invalidJson(err.message);
      },
    }),
  );
  app.use(sessionMiddleware(db));
  app.use(methodErrorBodies);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
