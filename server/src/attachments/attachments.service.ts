import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Context } from 'koa';
import type { Db } from '../core/db.js';
import { attachments, users, type Attachment } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { findDossierByCode } from '../dossiers/dossiers.service.js';
import { receiveFiles } from './multipart-upload.js';
import { findVersionById } from '../procedures/procedures.repository.js';

/** Stores the uploaded files of a dossier: bytes on disk first, then their rows; a failed insert removes the bytes. */
export async function uploadAttachments(
  db: Db,
  filesDir: string,
  ctx: Context,
  code: string,
  user: SessionUser,
) {
  const dossier = await findDossierByCode(db, code);
  const { files, documentNames } = await receiveFiles(ctx, filesDir);
  try {
    const version = await findVersionById(db, dossier.procedureVersionId);
    const papers = checkDocumentNames(documentNames, files.length, version?.metadata.documents ?? []);
    const rows = await db
      .insert(attachments)
      .values(
        files.map((f, i) => ({ ...f, documentName: papers[i], dossierId: dossier.id, uploadedBy: user.id })),
      )
      .returning();
    return rows.map((r) => presentAttachment(r, user.fullName));
  } catch (err) {
    await Promise.all(files.map((f) => fs.promises.rm(path.join(filesDir, f.storagePath), { force: true })));
    throw err;
  }
}

export async function listAttachments(db: Db, code: string) {
  const dossier = await findDossierByCode(db, code);
  const rows = await db
    .select({ attachment: attachments, uploader: users.fullName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.dossierId, dossier.id))
    .orderBy(asc(attachments.createdAt));
  return rows.map((r) => presentAttachment(r.attachment, r.uploader));
}

/** The file's metadata and a stream of its bytes. */
export async function openAttachment(db: Db, filesDir: string, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw errors.attachmentNotFound();
  return { attachment: row, stream: fs.createReadStream(path.join(filesDir, row.storagePath)) };
}

/**
 * The paper of the checklist each file is a scan of (null: none said): one of the procedure's
 * documents, so the receipt and the dossier name papers the law asks for, never a typed label.
 */
function checkDocumentNames(names: string[], fileCount: number, documents: { name: string }[]) {
  const known = new Set(documents.map((d) => d.name));
  const problems = names.flatMap((name, i) => {
    if (i >= fileCount) return [{ path: `/documentName/${i}`, message: 'names no file' }];
    return name && !known.has(name)
      ? [{ path: `/documentName/${i}`, message: 'is not a document of this procedure' }]
      : [];
  });
  if (problems.length) throw errors.validation(problems);
  return Array.from({ length: fileCount }, (_, i) => names[i] || null);
}

function presentAttachment(a: Attachment, uploader: string | null) {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    documentName: a.documentName,
    uploadedBy: uploader,
    createdAt: a.createdAt.toISOString(),
  };
}
