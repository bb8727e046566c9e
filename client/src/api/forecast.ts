import { get } from './http.js';
import type { Forecast, ForecastQuery } from '@server/reports/forecast.schema.js';

export const getForecast = (query: ForecastQuery = {}) =>
  get<Forecast>(`/api/reports/forecast${query.limit ? `?limit=${query.limit}` : ''}`);
