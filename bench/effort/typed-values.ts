import { validSample, type FieldSchema, type FlatSchema } from '../../test/server/validators/form-samples.js';

// A sentence a clerk might type, cut to the length a field of that size usually takes.
const PROSE =
  'Số 8 phố Đội Cấn, phường Ba Đình, Hà Nội; hồ sơ đầy đủ, đã đối chiếu bản chính, đề nghị xem xét giải quyết theo quy định.';

/** The applicant as the desk types them: name, ID number, phone, address (no e-mail). */
export const APPLICANT = {
  fullName: 'Nguyễn Thị Thử',
  idNumber: '001099012345',
  phone: '0912345678',
  address: 'Số 8 Đội Cấn, Ba Đình, Hà Nội',
} as const;

/**
 * Values of a realistic length, so the typing time means something: the test samples keep free
 * text to three characters and amounts to 1. Free text takes 8, 40 or 80 characters by the
 * field's size (a number, a line, a note); an amount without an upper bound 5 digits; lists,
 * dates, patterns and bounded numbers keep the sample's valid value.
 */
export function typedValues(schema: FlatSchema): Record<string, unknown> {
  const sample = validSample(schema);
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, field]) => [name, typedValue(field, sample[name])]),
  );
}

function typedValue(field: FieldSchema, sample: unknown): unknown {
  if (field.enum || field.format || field.pattern) return sample;
  if (field.type === 'number' || field.type === 'integer')
    return field.maximum === undefined ? Math.max(Number(sample), 12_500) : sample;
  if (field.type === 'boolean') return sample;
  const max = field.maxLength ?? 200;
  const length = max <= 50 ? 8 : max <= 500 ? 40 : 80;
  const text = PROSE.slice(0, Math.min(length, max)).trimEnd();
  return text.length >= (field.minLength ?? 0) ? text : sample;
}
