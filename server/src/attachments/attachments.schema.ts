import { Type, type Static } from '@sinclair/typebox';
import { ACCEPTED_TYPES } from './file-types.js';
import { UuidParam } from '../http/params.schema.js';

export const AttachmentParams = Type.Object({ id: UuidParam('attachment_not_found') });

export const AttachmentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  contentType: Type.Union(ACCEPTED_TYPES.map((t) => Type.Literal(t))),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String(),
  documentName: Type.Union([Type.String(), Type.Null()], {
    description: 'the paper of the procedure’s checklist this file is a scan of',
  }),
  uploadedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export type Attachment = Static<typeof AttachmentSchema>;

export const AttachmentList = Type.Array(AttachmentSchema);

/** The multipart body, for the OpenAPI document (the handler streams it, it is never buffered). */
export const UploadBody = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: 'PDF, PNG or JPEG, 10 MB each',
    },
    documentName: {
      type: 'array',
      items: { type: 'string' },
      description:
        'the i-th names the paper of the procedure’s documents the i-th file is a scan of; empty for none',
    },
  },
};
