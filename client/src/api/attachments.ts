import { get, post } from './http.js';
import type { Attachment } from '@server/attachments/attachments.schema.js';

export const MAX_FILE_MB = 10;
export const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export const listAttachments = (code: string) =>
  get<Attachment[]>(`/api/dossiers/${encodeURIComponent(code)}/attachments`);
export const downloadUrl = (id: string) => `/api/attachments/${id}`;

/** `documentNames[i]`: the paper of the checklist the i-th file is a scan of ('' or none: no paper). */
export function uploadAttachments(
  code: string,
  files: File[],
  documentNames: string[] = [],
): Promise<Attachment[]> {
  const form = new FormData();
  files.forEach((file, i) => {
    form.append('documentName', documentNames[i] ?? '');
    form.append('file', file, file.name);
  });
  return post<Attachment[]>(`/api/dossiers/${encodeURIComponent(code)}/attachments`, form);
}
