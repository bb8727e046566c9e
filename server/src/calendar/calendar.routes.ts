import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { calendarHolidays, calendarWorkdays } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { defineRoute, NoContent } from '../http/route.js';
import type { SchemaProblem } from '../http/validation.js';
import { addWorkingTime, isWeekday } from './working-time.js';
import {
  calendarFor,
  deleteHoliday,
  deleteWorkday,
  forgetCalendars,
  listHolidays,
  listWorkdays,
} from './calendar.repository.js';
import {
  AgencyFilter,
  CalendarEntryParams,
  DueQuery,
  DueResult,
  Holiday,
  HolidayBody,
  Workday,
  WorkdayBody,
} from './calendar.schema.js';

const MAX_HOLIDAY_DAYS = 60;

export function calendarRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/calendar/due',
      summary: 'When a duration in working days or hours, started at `from`, falls due',
      tag: 'calendar',
      access: 'signed-in',
      scope: 'none',
      query: DueQuery,
      responses: { 200: DueResult },
      handler: async (ctx, { query }) => {
        const calendar = await calendarFor(db, query.agency ?? null);
        const dueAt = addWorkingTime(new Date(query.from), query.amount, query.unit, calendar, {
          cutoff: query.cutoff,
        });
        ctx.body = { dueAt: dueAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/calendar/holidays',
      summary: 'Public holidays (national, and the agency’s own with ?agency=)',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      query: AgencyFilter,
      responses: { 200: Type.Array(Holiday) },
      handler: async (ctx, { query }) => {
        ctx.body = (await listHolidays(db, query.agency)).map(({ createdAt: _c, ...h }) => h);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/calendar/holidays',
      summary: 'Add a holiday range (inclusive dates)',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      body: HolidayBody,
      responses: { 201: Holiday },
      handler: async (ctx, { body }) => {
        const days = (Date.parse(body.to) - Date.parse(body.from)) / 86_400_000 + 1;
        if (days < 1) throw calendarProblem('/to', 'must not be before from', 'holidayOrder');
        if (days > MAX_HOLIDAY_DAYS)
          throw calendarProblem('/to', `a holiday spans at most ${MAX_HOLIDAY_DAYS} days`, 'holidayTooLong', {
            maxDays: MAX_HOLIDAY_DAYS,
          });
        const [row] = await db
          .insert(calendarHolidays)
          .values({
            fromDate: body.from,
            toDate: body.to,
            name: body.name,
            agencyCode: body.agencyCode ?? null,
          })
          .returning();
        forgetCalendars();
        const { createdAt: _c, ...holiday } = row!;
        ctx.status = 201;
        ctx.body = holiday;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/admin/calendar/holidays/:id',
      summary: 'Remove a holiday',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      errors: ['calendar_entry_not_found'],
      params: CalendarEntryParams,
      responses: { 204: NoContent },
      handler: async (ctx, { params }) => {
        if (!(await deleteHoliday(db, params.id))) throw errors.calendarEntryNotFound('Holiday');
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/calendar/workdays',
      summary: 'Compensatory working days',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      query: AgencyFilter,
      responses: { 200: Type.Array(Workday) },
      handler: async (ctx, { query }) => {
        ctx.body = (await listWorkdays(db, query.agency)).map(({ createdAt: _c, ...w }) => w);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/calendar/workdays',
      summary: 'Add a compensatory working day (weekday hours on a weekend date)',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      errors: ['workday_exists'],
      body: WorkdayBody,
      responses: { 201: Workday },
      handler: async (ctx, { body }) => {
        if (isWeekday(body.date))
          throw calendarProblem(
            '/date',
            'is a weekday already; choose a Saturday or Sunday',
            'workdayIsWeekday',
          );
        const [row] = await db
          .insert(calendarWorkdays)
          .values({ date: body.date, name: body.name, agencyCode: body.agencyCode ?? null })
          .onConflictDoNothing()
          .returning();
        if (!row) throw errors.workdayExists(body.date);
        forgetCalendars();
        const { createdAt: _c, ...workday } = row;
        ctx.status = 201;
        ctx.body = workday;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/admin/calendar/workdays/:id',
      summary: 'Remove a compensatory working day',
      tag: 'calendar',
      access: ['admin'],
      scope: 'none',
      errors: ['calendar_entry_not_found'],
      params: CalendarEntryParams,
      responses: { 204: NoContent },
      handler: async (ctx, { params }) => {
        if (!(await deleteWorkday(db, params.id))) throw errors.calendarEntryNotFound('Working day');
        ctx.status = 204;
      },
    }),
  ];
}

/**
 * A 422 on one field whose `keyword` names the calendar rule broken, so the client words it in
 * its own language as it does ajv's keywords.
 */
function calendarProblem(
  path: string,
  message: string,
  keyword: string,
  params: Record<string, unknown> = {},
) {
  const problem: SchemaProblem = { path, message, keyword, params };
  return errors.validation([problem]);
}
