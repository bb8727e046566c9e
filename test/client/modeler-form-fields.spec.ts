import { expect } from 'chai';
import type { FormSchema } from '../../server/src/db/procedure-content.schema.js';
import { ajv } from '../../server/src/http/validation.js';
import { checkFormSchema } from '../../server/src/procedures/form-schemas.js';
import { fieldOrder } from '../../client/src/composables/procedure-metadata.js';
import {
  FIELD_KINDS,
  fieldOfKind,
  kindOf,
  PHONE_PATTERN,
} from '../../modeler/src/features/form-editor/field-kinds.js';
import {
  addField,
  fieldNameProblem,
  moveField,
  removeField,
  setRequired,
  updateField,
} from '../../modeler/src/features/form-editor/form-fields.js';
import { fieldProblems } from '../../modeler/src/features/form-editor/field-problems.js';
import { stepsNaming, type StepElement } from '../../modeler/src/features/form-editor/step-usage.js';

const base = (): FormSchema => ({
  type: 'object',
  title: 'Tờ khai',
  required: ['b'],
  properties: { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' } },
});

/** A diagram element as the element registry holds it, with mc: attributes by name. */
function step(id: string, name: string | undefined, attrs: Record<string, string>): StepElement {
  return { businessObject: { id, name, get: (key: string) => attrs[key] } };
}

describe('modeler form editor: field kinds', () => {
  for (const kind of FIELD_KINDS) {
    it(`should read a ${kind} field back as ${kind}, titled, and let the server deploy it`, () => {
      // given a new field of that kind
      const field = fieldOfKind(kind, { title: 'Trường', description: 'Gợi ý' });

      // then it is recognised, keeps its title and description, and a form of it passes deploy's check
      expect(kindOf(field)).to.equal(kind);
      expect(field).to.include({ title: 'Trường', description: 'Gợi ý' });
      const form = addField({ type: 'object', properties: {} }, 'x', kind, 'Trường');
      const withOption = kind === 'choice' ? updateField(form, 'x', { ...field, enum: ['Một'] }) : form;
      expect(() => checkFormSchema(withOption)).not.to.throw();
    });
  }

  it('should read any field changed to another kind as that kind', () => {
    for (const from of FIELD_KINDS) {
      // given a field of one kind, with every bound its kind has set
      const field = { ...fieldOfKind(from, { title: 'T' }), minLength: 1, minimum: 0 };
      for (const to of FIELD_KINDS) {
        // when it changes kind, then it is of the new kind, with its title
        const changed = fieldOfKind(to, field);
        expect(kindOf(changed), `${from} → ${to}`).to.equal(to);
        expect(changed.title).to.equal('T');
      }
    }
  });

  it('should keep the bounds the new kind has and drop the others when the kind changes', () => {
    // given a text field with lengths and a pattern
    const text = { type: 'string', title: 'Mã', minLength: 2, maxLength: 20, pattern: '^[A-Z]+$' };

    // when it becomes a long text, then a number
    const long = fieldOfKind('longText', text);
    const number = fieldOfKind('number', { ...long, minimum: 1 });

    // then the long text keeps the lengths that still fit, the number only its own bounds
    expect(long).to.deep.equal({ type: 'string', title: 'Mã', minLength: 2, maxLength: 2000 });
    expect(kindOf(long)).to.equal('longText');
    expect(number).to.deep.equal({ type: 'number', title: 'Mã', minimum: 1 });
  });

  it('should leave an object or list field alone: no kind', () => {
    expect(kindOf({ type: 'object', title: 'Địa chỉ', properties: {} })).to.equal(null);
    expect(kindOf({ type: 'array', title: 'Ngành nghề' })).to.equal(null);
  });

  it('should accept Vietnamese phone numbers with the phone pattern, on the server’s ajv', () => {
    const validate = ajv.compile({ type: 'string', pattern: PHONE_PATTERN });
    expect(['0912345678', '+84912345678', '02438123456'].map((v) => validate(v))).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(['091234', 'số 0912345678', '84912345678'].map((v) => validate(v))).to.deep.equal([
      false,
      false,
      false,
    ]);
  });
});

describe('modeler form editor: edits of the form', () => {
  it('should add a field at the end and write the whole order to ui:order', () => {
    // given a form ordered by its required list (b first)
    expect(fieldOrder(base())).to.deep.equal(['b', 'a']);

    // when a field is added
    const form = base();
    const next = addField(form, 'c', 'date', 'Ngày');

    // then the order keeps b, a and ends with c, explicitly
    expect(next['ui:order']).to.deep.equal(['b', 'a', 'c']);
    expect(next.properties?.c).to.deep.equal({ type: 'string', format: 'date', title: 'Ngày' });
    expect(form.properties).not.to.have.property('c');
  });

  it('should move a field up and down, and not past either end', () => {
    const form = addField(base(), 'c', 'text', 'C');
    expect(fieldOrder(moveField(form, 'c', -1))).to.deep.equal(['b', 'c', 'a']);
    expect(fieldOrder(moveField(form, 'b', 1))).to.deep.equal(['a', 'b', 'c']);
    expect(moveField(form, 'b', -1)).to.equal(form);
    expect(moveField(form, 'c', 1)).to.equal(form);
  });

  it('should remove a field from properties, required and the order', () => {
    const next = removeField(addField(base(), 'c', 'text', 'C'), 'b');
    expect(Object.keys(next.properties ?? {})).to.deep.equal(['a', 'c']);
    expect(next.required).to.deep.equal([]);
    expect(next['ui:order']).to.deep.equal(['a', 'c']);
  });

  it('should mark and unmark a field required without moving any field', () => {
    // given a form in its required-first order
    const required = setRequired(base(), 'a', true);
    const unrequired = setRequired(required, 'b', false);

    // then the required list changes and the order stays as it was shown
    expect(required.required).to.deep.equal(['b', 'a']);
    expect(unrequired.required).to.deep.equal(['a']);
    expect(fieldOrder(unrequired)).to.deep.equal(['b', 'a']);
  });

  it('should refuse names that are empty, not plain identifiers, or taken', () => {
    expect(fieldNameProblem(base(), '')).to.equal('formEditor.nameEmpty');
    for (const name of ['1a', 'số', 'a b', 'a-b', 'a,b', 'a:b', '_a', 'a'.repeat(65)])
      expect(fieldNameProblem(base(), name), name).to.equal('formEditor.nameInvalid');
    expect(fieldNameProblem(base(), 'a')).to.equal('formEditor.nameTaken');
    expect(fieldNameProblem(base(), 'contactPhone_2')).to.equal(null);
  });
});

describe('modeler form editor: field problems', () => {
  it('should name a choice without options, with an empty one, or with a repeated one', () => {
    expect(fieldProblems({ type: 'string', title: 'C', enum: [] })).to.deep.equal([
      'formEditor.optionsEmpty',
    ]);
    expect(fieldProblems({ type: 'string', title: 'C', enum: ['Nam', ' ', 'Nam'] })).to.deep.equal([
      'formEditor.optionsBlank',
      'formEditor.optionsRepeat',
    ]);
    expect(fieldProblems({ type: 'string', title: 'C', enum: ['Nam', 'Nữ'] })).to.deep.equal([]);
  });

  it('should name bounds no value meets, and allow equal ones', () => {
    expect(fieldProblems({ type: 'number', title: 'N', minimum: 5, maximum: 1 })).to.deep.equal([
      'formEditor.boundsCrossed',
    ]);
    expect(fieldProblems({ type: 'string', title: 'T', minLength: 9, maxLength: 3 })).to.deep.equal([
      'formEditor.boundsCrossed',
    ]);
    expect(fieldProblems({ type: 'integer', title: 'N', minimum: 2, maximum: 2 })).to.deep.equal([]);
  });

  it('should name exactly the patterns the server refuses at deploy', () => {
    for (const pattern of ['^(a)\\1$', '^(?=a)a$', '[']) {
      const field = { type: 'string', title: 'T', pattern };
      const form: FormSchema = { type: 'object', properties: { t: field } };
      expect(fieldProblems(field), pattern).to.deep.equal(['formEditor.patternInvalid']);
      expect(() => checkFormSchema(form), pattern).to.throw();
    }
    expect(fieldProblems({ type: 'string', title: 'T', pattern: '^[0-9]{12}$' })).to.deep.equal([]);
  });
});

describe('modeler form editor: steps naming a field', () => {
  it('should find a field in each list as the server reads them, outcomes and spaces included', () => {
    // given steps naming fields in their mc: lists
    const steps = [
      step('Start', 'Tiếp nhận hồ sơ', { 'mc:editableFields': 'a, b', 'mc:requiredFields': 'b' }),
      step('Task_sign', undefined, { 'mc:requiredFields': 'x:sign|refuse, b:approve' }),
      step('Task_view', 'Xem', { 'mc:visibleFields': 'ab,c' }),
      step('Task_none', 'Không', { 'mc:editableFields': '' }),
    ];

    // then each step naming b is listed once, with the lists that name it, by name or id
    expect(stepsNaming('b', steps)).to.deep.equal([
      { id: 'Start', name: 'Tiếp nhận hồ sơ', lists: ['editableFields', 'requiredFields'] },
      { id: 'Task_sign', name: 'Task_sign', lists: ['requiredFields'] },
    ]);
    expect(stepsNaming('a', steps).map((s) => s.id)).to.deep.equal(['Start']);
    expect(stepsNaming('sign', steps)).to.deep.equal([]);
  });
});
