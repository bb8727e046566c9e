import { get } from './http.js';
import type { Ii06aQuery, Ii06aReport, OverseenAgency } from '@server/reports/reports.schema.js';

const search = (q: Ii06aQuery) => `?${new URLSearchParams({ agency: q.agency, from: q.from, to: q.to })}`;

/** The agencies whose reports the signed-in user may read. */
export const overseenAgencies = () => get<OverseenAgency[]>('/api/reports/agencies');

/** Report II.06a for an agency's subtree over a period. */
export const getIi06a = (q: Ii06aQuery) => get<Ii06aReport>(`/api/reports/ii06a${search(q)}`);

/** Where the same report downloads as an XLSX workbook (the server names the file). */
export const ii06aXlsxHref = (q: Ii06aQuery) => `/api/reports/ii06a.xlsx${search(q)}`;
