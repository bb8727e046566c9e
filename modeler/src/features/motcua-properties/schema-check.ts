import procedureSchema from '../../../../processes/_schema/procedure.schema.json';
import { ajvMessage } from '../../../../client/src/i18n/ajv-messages.js';
import { locale } from '../../../../client/src/i18n/index.js';

/** The keywords procedure.schema.json puts on the values the panel edits. */
export interface ValueSchema {
  type?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

type Properties = Record<
  string,
  ValueSchema & { minItems?: number; items?: { properties: Record<string, ValueSchema> } }
>;
const properties = procedureSchema.properties as Properties;

/** The rule procedure.json's schema gives a top-level key, e.g. `cutoff`. */
export function factRule(key: string): ValueSchema {
  return properties[key] ?? {};
}

/** Whether procedure.json must carry `key`. */
export function factRequired(key: string): boolean {
  return procedureSchema.required.includes(key);
}

/** The rule for one column of a list, e.g. `fees` → `amount`. */
export function itemRule(list: 'fees' | 'documents', key: string): ValueSchema {
  return properties[list]?.items?.properties[key] ?? {};
}

/** The fewest rows a list may keep (procedure.json needs at least one document). */
export function listMinItems(list: 'fees' | 'documents'): number {
  return properties[list]?.minItems ?? 0;
}

/**
 * The first way `value` breaks `rule`, in the app's language (ajv's keyword and params, so the
 * text is the one the server's validation answers with), or null. The browser runs no compiled
 * ajv here: the page's Content-Security-Policy forbids eval, and these keywords are all it needs.
 */
export function checkValue(rule: ValueSchema, value: string | number): string | null {
  const failed = firstFailure(rule, value);
  return failed && ajvMessage({ ...failed, instancePath: '', schemaPath: '' }, locale.value);
}

function firstFailure(rule: ValueSchema, value: string | number) {
  if (typeof value === 'number') {
    if (rule.type === 'integer' && !Number.isInteger(value)) return fail('type', { type: 'integer' });
    if (rule.minimum !== undefined && value < rule.minimum) return fail('minimum', { limit: rule.minimum });
    if (rule.maximum !== undefined && value > rule.maximum) return fail('maximum', { limit: rule.maximum });
    return null;
  }
  if (rule.minLength !== undefined && value.length < rule.minLength)
    return fail('minLength', { limit: rule.minLength });
  if (rule.maxLength !== undefined && value.length > rule.maxLength)
    return fail('maxLength', { limit: rule.maxLength });
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value))
    return fail('pattern', { pattern: rule.pattern });
  return null;
}

function fail(keyword: string, params: Record<string, unknown>) {
  return { keyword, params };
}

/** A number typed into a text entry: NaN when it is not one (so `type` fails, not `minimum`). */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}
