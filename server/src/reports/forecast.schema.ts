import { Type, type Static } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });

export const ForecastQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Static<typeof ForecastQuery>;

/** A step on the remaining path and the working hours the forecast gives it. */
export const ForecastStep = Type.Object({
  elementId: Type.String(),
  name: Type.String(),
  hours: Type.Number({ minimum: 0, description: 'working hours the forecast counts for it' }),
});
export type ForecastStep = Static<typeof ForecastStep>;

/** An open dossier still on time whose forecast finish falls after its promised date. */
export const ForecastDossier = Type.Object({
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  currentStep: Type.Object({ elementId: Type.String(), name: Type.String() }),
  dueAt: Instant,
  forecastAt: Instant,
  hoursLate: Type.Number({ minimum: 0, description: 'working hours from the promised date to the forecast' }),
  bottleneck: Type.Union([ForecastStep, Type.Null()], {
    description: 'the step of the remaining path the forecast gives the most time; null: none left',
  }),
});
export type ForecastDossier = Static<typeof ForecastDossier>;

export const Forecast = Type.Object({
  at: Instant,
  dossiers: Type.Array(ForecastDossier, { description: 'at most `limit`, the soonest promised first' }),
  considered: Type.Integer({ minimum: 0, description: 'open, unpaused dossiers in scope still on time' }),
  complete: Type.Boolean({
    description: 'false: more dossiers were on time than one request forecasts; the soonest promised were',
  }),
});
export type Forecast = Static<typeof Forecast>;
