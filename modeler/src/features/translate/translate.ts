import { locale } from '../../../../client/src/i18n/index.js';
import { bpmnVi } from './bpmn-vi.js';
import { panelVi } from './panel-vi.js';

const dictionary: Record<string, string> = { ...bpmnVi, ...panelVi };

// The properties panel's header spells element types from their class names ("User Task",
// "Timer Boundary Event (Non Interrupting)"), the menus as sentences ("User task",
// "... (non-interrupting)"): both find one entry once case and hyphens are set aside.
const normalize = (text: string) => text.toLowerCase().replace(/[-\s]+/g, ' ');
const loose = new Map(Object.entries(dictionary).map(([key, text]) => [normalize(key), text]));

/**
 * diagram-js's translate signature: the template in the current language (bpmn-io's own English
 * strings are the keys, so English needs no dictionary), with `{name}` filled from `replacements`.
 * Each call reads the locale, so what is drawn after a language change follows it.
 */
export function translate(template: string, replacements: Record<string, unknown> = {}): string {
  const text = locale.value === 'vi' ? vietnamese(template) : template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => String(replacements[key] ?? `{${key}}`));
}

function vietnamese(template: string): string {
  return dictionary[template] ?? loose.get(normalize(template)) ?? template;
}
