import type { Static } from '@sinclair/typebox';
import { get, post, query, request } from './http.js';
import type {
  Agency,
  AgencyBody,
  Department,
  DepartmentBody,
  User,
  UserBody,
  UserPatch,
} from '@server/organisation/organisation.schema.js';
import type { Holiday, HolidayBody, Workday, WorkdayBody } from '@server/calendar/calendar.schema.js';
import type { AdminProcedure } from '@server/procedures/procedures-admin.schema.js';

export type { AdminProcedure, Agency, Department, User };
export type NewUser = Static<typeof UserBody>;
export type NewAgency = Static<typeof AgencyBody>;
export type NewDepartment = Static<typeof DepartmentBody>;
export type HolidayEntry = Static<typeof Holiday>;
export type WorkdayEntry = Static<typeof Workday>;
export type NewHoliday = Static<typeof HolidayBody>;
export type NewWorkday = Static<typeof WorkdayBody>;

const patch = <T>(path: string, body: object) => request<T>('PATCH', path, body);
const remove = (path: string) => request<null>('DELETE', path, undefined, 'text');
const at = (code: string) => encodeURIComponent(code);

export const listUsers = () => get<User[]>('/api/admin/users');
export const createUser = (body: NewUser) => post<User>('/api/admin/users', body);
export const updateUser = (id: string, body: UserPatch) => patch<User>(`/api/admin/users/${at(id)}`, body);
export const deactivateUser = (id: string) => post<{ ok: boolean }>(`/api/admin/users/${at(id)}/deactivate`);
export const resetPassword = (id: string, password: string) =>
  post<{ ok: boolean }>(`/api/admin/users/${at(id)}/password`, { password });

export const listAgencies = () => get<Agency[]>('/api/admin/agencies');
export const createAgency = (body: NewAgency) => post<Agency>('/api/admin/agencies', body);
export const renameAgency = (code: string, name: string) =>
  patch<Agency>(`/api/admin/agencies/${at(code)}`, { name });
export const listDepartments = () => get<Department[]>('/api/admin/departments');
export const createDepartment = (body: NewDepartment) => post<Department>('/api/admin/departments', body);
export const renameDepartment = (code: string, name: string) =>
  patch<Department>(`/api/admin/departments/${at(code)}`, { name });

export const listHolidays = (agency?: string) =>
  get<HolidayEntry[]>(`/api/admin/calendar/holidays${query({ agency })}`);
export const addHoliday = (body: NewHoliday) => post<HolidayEntry>('/api/admin/calendar/holidays', body);
export const removeHoliday = (id: number) => remove(`/api/admin/calendar/holidays/${id}`);
export const listWorkdays = (agency?: string) =>
  get<WorkdayEntry[]>(`/api/admin/calendar/workdays${query({ agency })}`);
export const addWorkday = (body: NewWorkday) => post<WorkdayEntry>('/api/admin/calendar/workdays', body);
export const removeWorkday = (id: number) => remove(`/api/admin/calendar/workdays/${id}`);

export const listAdminProcedures = () => get<AdminProcedure[]>('/api/admin/procedures');
export const setProcedureEnabled = (code: string, enabled: boolean) =>
  patch<{ code: string; enabled: boolean }>(`/api/admin/procedures/${at(code)}`, { enabled });
