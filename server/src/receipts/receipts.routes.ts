import type { Context } from 'koa';
import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { PromisedDatePreview, PromisedDateQuery, ReceiptData, ReceiptPdfBody } from './receipts.schema.js';
import { DossierCodeParams } from '../dossiers/dossiers.schema.js';
import { receiptOf, receiptWithSecret } from './receipts.service.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { previewPromisedDate } from '../dossiers/dossiers.service.js';

const RECEIVERS = ['receptionist', 'supervisor', 'admin'] as const;

/** `publicUrl` null: links on receipts point at the origin the request came to. */
export function receiptRoutes(db: Db, publicUrl: string | null) {
  // Koa 3's ctx.origin is the Origin header; the receipt links to the host the request came to.
  const base = (ctx: Context) => publicUrl ?? `${ctx.protocol}://${ctx.host}`;
  return [
    defineRoute({
      method: 'get',
      path: '/api/receipts/promised-date',
      summary:
        'The promised date the receipt would carry if the dossier were received now at this desk (intake’s own calculation)',
      tag: 'receipts',
      access: ['receptionist'],
      scope: 'none',
      errors: ['not_in_department'],
      query: PromisedDateQuery,
      responses: { 200: PromisedDatePreview },
      handler: async (ctx, { query, user }) => {
        ctx.body = await previewPromisedDate(db, user, query.procedureCode, query.departmentCode);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/receipt',
      summary: 'What the receipt shows: agency, applicant, procedure, documents, received and promised times',
      tag: 'receipts',
      access: RECEIVERS,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      personalData: true,
      responses: { 200: ReceiptData },
      handler: async (ctx, { params, user }) => {
        ctx.body = await receiptOf(db, params.code, base(ctx), user);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/receipt/pdf',
      summary:
        'The receipt as an A4 PDF with the lookup QR code; the secret must be the current one (422 otherwise)',
      tag: 'receipts',
      access: RECEIVERS,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['lookup_secret_mismatch'],
      personalData: true,
      body: ReceiptPdfBody,
      produces: 'application/pdf',
      handler: async (ctx, { params, body, user }) => {
        const receipt = await receiptWithSecret(db, params.code, body.secret, base(ctx), user);
        ctx.type = 'application/pdf';
        ctx.set('Content-Disposition', `attachment; filename="giay-tiep-nhan-${receipt.code}.pdf"`);
        ctx.body = await renderReceiptPdf(receipt, body.secret.trim().toUpperCase());
      },
    }),
  ];
}
