import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { readNationalStatus } from './national-status.js';
import { NationalStatusLine, NationalStatusQuery } from './national-status.schema.js';
import { JSON_LINES } from '../http/openapi.js';

export function exportRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/exports/national-status',
      summary:
        'Every change of a dossier (national status code 1–10, promised date, pause, finish) as JSON lines, oldest first, from a cursor: what the portal sync ships. Agencies the caller oversees; admins all',
      tag: 'reports',
      access: ['supervisor', 'admin'],
      scope: 'listed',
      query: NationalStatusQuery,
      produces: JSON_LINES,
      responses: { 200: NationalStatusLine },
      handler: async (ctx, { query, user }) => {
        const agencies = user.roles.includes('admin') ? null : user.agencies;
        const lines = await readNationalStatus(db, query.after ?? '0.0', query.limit ?? 1000, agencies);
        // The sync job resumes from here; the same cursor again when nothing new has committed.
        ctx.set('X-Next-Cursor', lines.at(-1)?.cursor ?? query.after ?? '0.0');
        ctx.type = JSON_LINES;
        ctx.body = lines.map((line) => JSON.stringify(line) + '\n').join('');
      },
    }),
  ];
}
