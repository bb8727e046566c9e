import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { AttachmentList, AttachmentParams, UploadBody } from './attachments.schema.js';
import { DossierCodeParams } from '../dossiers/dossiers.schema.js';
import { listAttachments, openAttachment, uploadAttachments } from './attachments.service.js';

const STAFF = ['receptionist', 'officer', 'leader', 'supervisor', 'admin'] as const;
const UPLOADERS = ['receptionist', 'officer', 'leader'] as const;

export function attachmentRoutes(db: Db, filesDir: string) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/attachments',
      summary:
        'Attach files to a dossier (multipart field "file": PDF, PNG or JPEG, 10 MB each; "documentName" per file)',
      tag: 'attachments',
      access: UPLOADERS,
      scope: { dossier: 'code' },
      errors: [
        'invalid_multipart',
        'no_file',
        'too_many_files',
        'file_too_large',
        'unsupported_file_type',
        'validation_failed',
      ],
      params: DossierCodeParams,
      rawBody: { contentType: 'multipart/form-data', schema: UploadBody },
      responses: { 201: AttachmentList },
      handler: async (ctx, { params, user }) => {
        const stored = await uploadAttachments(db, filesDir, ctx, params.code, user);
        ctx.status = 201;
        ctx.body = stored;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/attachments',
      summary: 'The files attached to a dossier',
      tag: 'attachments',
      access: STAFF,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      responses: { 200: AttachmentList },
      handler: async (ctx, { params }) => {
        ctx.body = await listAttachments(db, params.code);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/attachments/:id',
      summary: 'Download an attached file',
      tag: 'attachments',
      access: STAFF,
      scope: { dossier: 'attachment' },
      params: AttachmentParams,
      produces: 'application/octet-stream',
      handler: async (ctx, { params }) => {
        const { attachment, stream } = await openAttachment(db, filesDir, params.id);
        ctx.type = attachment.contentType;
        ctx.length = attachment.size;
        ctx.set(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        );
        ctx.set('X-Content-Type-Options', 'nosniff');
        ctx.body = stream;
      },
    }),
  ];
}
