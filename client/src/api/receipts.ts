import { get, query, request } from './http.js';
import type { PromisedDatePreview, ReceiptData } from '@server/receipts/receipts.schema.js';

export const getReceipt = (code: string) =>
  get<ReceiptData>(`/api/dossiers/${encodeURIComponent(code)}/receipt`);
export const receiptPdf = (code: string, secret: string) =>
  request<Blob>('POST', `/api/dossiers/${encodeURIComponent(code)}/receipt/pdf`, { secret }, 'blob');

/** The address the receipt's QR code opens: the citizen lookup, filled in (the server's PDF builds the same). */
export function lookupLink(receipt: Pick<ReceiptData, 'lookupUrl' | 'code'>, secret: string): string {
  return `${receipt.lookupUrl}?code=${encodeURIComponent(receipt.code)}&secret=${encodeURIComponent(secret)}`;
}

/** The promised date intake would give a dossier of the procedure received now at the desk. */
export const previewPromisedDate = (procedureCode: string, departmentCode: string | null) =>
  get<PromisedDatePreview>(`/api/receipts/promised-date${query({ procedureCode, departmentCode })}`);
