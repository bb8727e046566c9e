import { computed, ref, watchEffect } from 'vue';
import { vi, type MessageKey } from './vi.js';
import { en } from './en.js';
import type { Locale } from './locale.js';
import { ERROR_TEXTS } from './error-texts.js';
import { ApiError, type FieldProblem } from '../api/http.js';
import { ajvMessage } from './ajv-messages.js';
import type { ErrorCode } from '@server/core/error-codes.js';

export type { Locale, MessageKey };

const STORAGE_KEY = 'motcua.locale';
const messages: Record<Locale, Record<MessageKey, string>> = { vi, en };

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' ? 'en' : 'vi';
}

/** The one current language of the app; Vietnamese unless the user chose English. */
export const locale = ref<Locale>(initialLocale());

watchEffect(() => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale.value;
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale.value);
});

type Params = Record<string, string | number>;

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Params = {}): string {
  return fill(messages[locale.value][key] ?? vi[key], params);
}

/** The Vietnamese message for `key` whatever the chosen language: papers are issued in Vietnamese. */
export function tVi(key: MessageKey, params: Params = {}): string {
  return fill(vi[key], params);
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** For keys built from data (an outcome, a status): the message when there is one, else `fallback`. */
export function tMaybe(key: string, fallback: string): string {
  return key in vi ? t(key as MessageKey) : fallback;
}

/**
 * What to show for a failed call: the client's text for the API error's code (the server's
 * message is English and for the logs), else the error as it came.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiError && err.code in ERROR_TEXTS.vi) {
    const details = (err.details ?? {}) as Record<string, unknown>;
    const text = ERROR_TEXTS[locale.value][err.code as ErrorCode];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(details[name] ?? '…'));
  }
  return t('app.error', { message: err instanceof Error ? err.message : String(err) });
}

/**
 * A field problem the server found, in the chosen language: from its ajv keyword when it has
 * one; otherwise the server's own words only in English (in Vietnamese, a generic text).
 */
export function problemText(problem: FieldProblem): string {
  if (!problem.keyword && locale.value === 'en') return problem.message;
  const error = {
    keyword: problem.keyword ?? '',
    params: problem.params ?? {},
    instancePath: '',
    schemaPath: '',
  };
  return ajvMessage(error, locale.value);
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const tags: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Date and time in Vietnam's time zone, whatever the browser's. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tags[locale.value], {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tags[locale.value], { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(
    new Date(iso),
  );
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(tags[locale.value]).format(value);
}

export function useI18n() {
  return {
    t,
    tMaybe,
    errorText,
    locale,
    formatDateTime,
    formatDate,
    formatNumber,
    isVi: computed(() => locale.value === 'vi'),
  };
}
