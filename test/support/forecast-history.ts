import { clock } from '../../server/src/core/clock.js';
import type { ApiClient } from './api-client.js';
import { DossierDriver } from './dossier-driver.js';
import { deployThreeDepartments } from './fixtures.js';

export const FORECAST_PROCEDURE = 'du-bao-tre-han';
/** When the forecast is asked for: Friday 4 December 2026, 10:00 in Vietnam. */
export const FORECAST_ASKED_AT = '2026-12-04T10:00:00';
/** An area of at most 250 m²: approved at review, the dossier goes on to the leader's signature. */
const SMALL = { area: 100, purpose: 'Nhà ở' };

/** Local Vietnam time (UTC+7) as an instant. */
export const vn = (local: string) => new Date(`${local}+07:00`);
/** Sets the suite's clock to a local Vietnam time. */
export const at = (local: string) => (clock.now = () => vn(local));

export interface ForecastStaff {
  reception: ApiClient;
  officer: ApiClient;
  leader: ApiClient;
  designer: ApiClient;
}

/**
 * Working hours 07:30–11:30 and 13:00–17:00, Monday to Friday, no holiday from November to
 * December 2026. The procedure takes 5 working days (40 working hours): review (budget 3 days),
 * then the leader's signature (which may return it to review), then the return of the result.
 *
 * History, three dossiers worked to their end in November (hours in step, working):
 *   H1 received Mon 02/11 07:30: review to Mon 17:00 8, sign to Wed 04/11 17:00 16, return to Thu 17:00 8
 *   H2 received Mon 09/11 07:30: review to Tue 10/11 17:00 16, sign to Fri 13/11 17:00 24, return to Mon 16/11 11:30 4
 *   H3 received Mon 16/11 07:30: review to 11:30 4, sign to Wed 18/11 11:30 (4 + 8 + 4) 16, return to 17:00 4
 * Medians: review 8 (of 4, 8, 16), sign 16 (of 16, 16, 24), return 4 (of 4, 4, 8).
 *
 * Open afterwards: OVERDUE received Mon 23/11 07:30, LATE Mon 30/11 07:30 (both at review),
 * SIGN Tue 01/12 07:30 (reviewed by 11:30, at the signature), AHEAD Fri 04/12 09:00 (at review).
 * The clock is left at FORECAST_ASKED_AT.
 */
export async function seedForecastHistory(staff: ForecastStaff): Promise<Record<string, DossierDriver>> {
  await deployThreeDepartments(staff.designer, FORECAST_PROCEDURE);
  const receive = (local: string) => {
    at(local);
    return DossierDriver.receive(staff.reception, FORECAST_PROCEDURE, SMALL);
  };
  const history = async (received: string, reviewed: string, signed: string, returned: string) => {
    const dossier = await receive(received);
    at(reviewed);
    await dossier.step(staff.officer, 'review', 'approve');
    at(signed);
    await dossier.step(staff.leader, 'sign', 'sign');
    at(returned);
    await dossier.returnResult(staff.reception, 'return_result');
  };
  await history('2026-11-02T07:30:00', '2026-11-02T17:00:00', '2026-11-04T17:00:00', '2026-11-05T17:00:00');
  await history('2026-11-09T07:30:00', '2026-11-10T17:00:00', '2026-11-13T17:00:00', '2026-11-16T11:30:00');
  await history('2026-11-16T07:30:00', '2026-11-16T11:30:00', '2026-11-18T11:30:00', '2026-11-18T17:00:00');
  const open: Record<string, DossierDriver> = {};
  open.OVERDUE = await receive('2026-11-23T07:30:00');
  open.LATE = await receive('2026-11-30T07:30:00');
  open.SIGN = await receive('2026-12-01T07:30:00');
  at('2026-12-01T11:30:00');
  await open.SIGN.step(staff.officer, 'review', 'approve');
  open.AHEAD = await receive('2026-12-04T09:00:00');
  at(FORECAST_ASKED_AT);
  return open;
}
