import type { VersionSummary } from '@server/procedures/procedures.schema.js';
import { t } from '../../../../client/src/i18n/index.js';

/** A version's legal duration as the reception desk words it: working days or working hours. */
export const durationText = (v: Pick<VersionSummary, 'duration' | 'durationUnit'>) =>
  t(v.durationUnit === 'hours' ? 'reception.durationHours' : 'reception.duration', { days: v.duration });
