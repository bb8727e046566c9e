import type { ErrorObject } from 'ajv';
import type { Locale } from './locale.js';

type Params = Record<string, unknown>;
type Render = (p: Params) => string;

const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  vi: {
    string: 'chuỗi ký tự',
    number: 'số',
    integer: 'số nguyên',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
  },
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes/no',
    object: 'an object',
    array: 'a list',
  },
};

const FORMAT_NAMES: Record<Locale, Record<string, string>> = {
  vi: {
    email: 'địa chỉ thư điện tử',
    date: 'ngày (YYYY-MM-DD)',
    'date-time': 'ngày giờ',
    uri: 'địa chỉ web',
  },
  en: {
    email: 'an e-mail address',
    date: 'a date (YYYY-MM-DD)',
    'date-time': 'a date and time',
    uri: 'a web address',
  },
};

/** ajv's messages by keyword, written out in each language (ajv-i18n has no Vietnamese). */
const MESSAGES: Record<Locale, Record<string, Render>> = {
  vi: {
    required: () => 'Không được để trống',
    minLength: (p) => (p.limit === 1 ? 'Không được để trống' : `Phải có ít nhất ${p.limit} ký tự`),
    maxLength: (p) => `Không được dài quá ${p.limit} ký tự`,
    minimum: (p) => `Phải lớn hơn hoặc bằng ${p.limit}`,
    maximum: (p) => `Phải nhỏ hơn hoặc bằng ${p.limit}`,
    exclusiveMinimum: (p) => `Phải lớn hơn ${p.limit}`,
    exclusiveMaximum: (p) => `Phải nhỏ hơn ${p.limit}`,
    multipleOf: (p) => `Phải là bội số của ${p.multipleOf}`,
    type: (p) => `Phải là ${TYPE_NAMES.vi[String(p.type)] ?? p.type}`,
    format: (p) => `Không đúng định dạng ${FORMAT_NAMES.vi[String(p.format)] ?? p.format}`,
    pattern: () => 'Không đúng định dạng',
    enum: () => 'Phải là một trong các giá trị cho phép',
    const: () => 'Giá trị không hợp lệ',
    minItems: (p) => `Phải có ít nhất ${p.limit} mục`,
    maxItems: (p) => `Không được quá ${p.limit} mục`,
    uniqueItems: () => 'Các mục không được trùng nhau',
    additionalProperties: (p) => `Trường "${p.additionalProperty}" không được phép`,
  },
  en: {
    required: () => 'Required',
    minLength: (p) => (p.limit === 1 ? 'Required' : `At least ${p.limit} characters`),
    maxLength: (p) => `At most ${p.limit} characters`,
    minimum: (p) => `Must be at least ${p.limit}`,
    maximum: (p) => `Must be at most ${p.limit}`,
    exclusiveMinimum: (p) => `Must be more than ${p.limit}`,
    exclusiveMaximum: (p) => `Must be less than ${p.limit}`,
    multipleOf: (p) => `Must be a multiple of ${p.multipleOf}`,
    type: (p) => `Must be ${TYPE_NAMES.en[String(p.type)] ?? p.type}`,
    format: (p) => `Must be ${FORMAT_NAMES.en[String(p.format)] ?? p.format}`,
    pattern: () => 'Wrong format',
    enum: () => 'Must be one of the allowed values',
    const: () => 'Invalid value',
    minItems: (p) => `At least ${p.limit} items`,
    maxItems: (p) => `At most ${p.limit} items`,
    uniqueItems: () => 'Items must not repeat',
    additionalProperties: (p) => `Field "${p.additionalProperty}" is not allowed`,
  },
};

/** One ajv error as a sentence in `locale`. */
export function ajvMessage(error: ErrorObject, locale: Locale): string {
  const render = MESSAGES[locale][error.keyword];
  return render ? render(error.params as Params) : locale === 'vi' ? 'Giá trị không hợp lệ' : 'Invalid value';
}

/** The field an error belongs to, as a JSON pointer (`/capital`); `required` names the missing one. */
export function ajvErrorPath(error: ErrorObject): string {
  if (error.keyword === 'required')
    return `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`;
  return error.instancePath || '/';
}
