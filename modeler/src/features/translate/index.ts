import { translate } from './translate.js';

/**
 * Replaces diagram-js's `translate` service: the palette, context pad, replace menu, search
 * and the properties panel speak Vietnamese when the app does; English falls through.
 */
export const translateModule = {
  translate: ['value', translate],
};
