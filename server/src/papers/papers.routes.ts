import type { TSchema } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { ApologyPaper, RefusalPaper, SupplementRequestPaper } from './papers.schema.js';
import { apologyPaper, refusalPaper, supplementRequestPaper } from './papers.service.js';
import { renderApologyPdf, renderRefusalPdf, renderSupplementRequestPdf } from './papers-pdf.js';
import type { ErrorCode } from '../core/errors.js';
import { DossierCodeParams } from '../dossiers/dossiers.schema.js';

const READERS = ['receptionist', 'officer', 'leader', 'supervisor', 'admin'] as const;

interface PaperSpec<T> {
  /** The last path segment: /api/dossiers/:code/papers/<slug> */
  slug: string;
  /** The PDF's file name before the dossier code. */
  fileName: string;
  summary: string;
  schema: TSchema;
  /** Why there may be no such paper for the dossier. */
  errors: readonly ErrorCode[];
  load: (db: Db, code: string) => Promise<T>;
  render: (paper: T) => Promise<Buffer>;
}

/** The standard papers beside the receipt: supplement request, refusal, apology; each as data and as an A4 PDF. */
export function paperRoutes(db: Db): AnyRoute[] {
  return [
    ...routesOf(db, {
      slug: 'supplement-request',
      fileName: 'phieu-yeu-cau-bo-sung',
      summary: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the latest supplement request (404 when none)',
      schema: SupplementRequestPaper,
      errors: ['paper_not_issued'],
      load: supplementRequestPaper,
      render: renderSupplementRequestPdf,
    }),
    ...routesOf(db, {
      slug: 'refusal',
      fileName: 'phieu-tu-choi',
      summary:
        'Phiếu từ chối tiếp nhận, giải quyết hồ sơ: why a refused dossier (status 3) was refused (409 otherwise)',
      schema: RefusalPaper,
      errors: ['dossier_not_refused'],
      load: refusalPaper,
      render: renderRefusalPdf,
    }),
    ...routesOf(db, {
      slug: 'apology',
      fileName: 'phieu-xin-loi',
      summary:
        'Phiếu xin lỗi và hẹn lại ngày trả kết quả: the latest extension, with the original date (404 when none)',
      schema: ApologyPaper,
      errors: ['paper_not_issued'],
      load: apologyPaper,
      render: renderApologyPdf,
    }),
  ];
}

function routesOf<T extends { code: string }>(db: Db, spec: PaperSpec<T>): AnyRoute[] {
  const path = `/api/dossiers/:code/papers/${spec.slug}`;
  return [
    defineRoute({
      method: 'get',
      path,
      summary: spec.summary,
      tag: 'papers',
      access: READERS,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: spec.errors,
      personalData: true,
      responses: { 200: spec.schema },
      handler: async (ctx, { params }) => {
        ctx.body = await spec.load(db, params.code);
      },
    }),
    defineRoute({
      method: 'get',
      path: `${path}/pdf`,
      summary: `${spec.summary.split(':')[0]} as an A4 PDF`,
      tag: 'papers',
      access: READERS,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: spec.errors,
      personalData: true,
      produces: 'application/pdf',
      handler: async (ctx, { params }) => {
        const paper = await spec.load(db, params.code);
        ctx.type = 'application/pdf';
        ctx.set('Content-Disposition', `attachment; filename="${spec.fileName}-${paper.code}.pdf"`);
        ctx.body = await spec.render(paper);
      },
    }),
  ];
}
