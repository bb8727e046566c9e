import { expect } from 'chai';
import {
  MAX_ATTRIBUTES_PER_ELEMENT,
  MAX_EXTENSION_ELEMENTS,
  MAX_UNKNOWN_ELEMENTS,
  MAX_XML_DEPTH,
  xmlGuardProblems,
} from '../../../server/src/engine/xml-guard.js';
import { compileDiagram } from '../../../server/src/engine/definitions.js';
import { AppError } from '../../../server/src/core/errors.js';
import { edited, readFixture } from '../../support/fixtures.js';

describe('XML guard (before parsing)', () => {
  it('should pass a real diagram', () => {
    expect(xmlGuardProblems(readFixture('engine/three-departments.bpmn'))).to.deep.equal([]);
  });

  it('should not count markup inside comments, CDATA or quoted attributes', () => {
    // given brackets that are text, not elements, at a depth just within the limit
    const inner = `<!-- <a><b><c> --><![CDATA[ <a><b> ]]><t name="a > b <c>" />`;
    const xml = `${'<e>'.repeat(MAX_XML_DEPTH)}${inner}${'</e>'.repeat(MAX_XML_DEPTH)}`;
    // then
    expect(xmlGuardProblems(xml)).to.deep.equal([]);
  });

  it('should refuse one level deeper than the limit', () => {
    const xml = `${'<e>'.repeat(MAX_XML_DEPTH + 1)}${'</e>'.repeat(MAX_XML_DEPTH + 1)}`;
    expect(xmlGuardProblems(xml)[0]!.message).to.contain('nest deeper');
  });

  it('should refuse DOCTYPE and ENTITY in any case', () => {
    expect(xmlGuardProblems('<!doctype x><x/>')).to.have.length(1);
    expect(xmlGuardProblems('<x><!ENTITY a "b"></x>')).to.have.length(1);
  });
});

describe('XML guard: bounded parse work', () => {
  const REVIEW =
    '<bpmn:userTask id="review" name="Thẩm định hồ sơ" mc:outcomes="approve,refuse" mc:budget="3d" mc:editableFields="reviewNote">';

  /** The three-department diagram with `inside` put in the review step's extensionElements and `beside` after them. */
  function withReviewContent(inside: string, beside = ''): string {
    return edited(readFixture('engine/three-departments.bpmn'), [
      REVIEW,
      `${REVIEW}<bpmn:extensionElements>${inside}</bpmn:extensionElements>${beside}`,
    ]);
  }

  const properties = (n: number) =>
    `<camunda:properties>${'<camunda:property name="a" value="1" />\n'.repeat(n - 1)}</camunda:properties>`;

  it('should deploy a diagram with as many extension elements as the cap allows', async () => {
    // given the cap's worth of Camunda properties (the <camunda:properties> wrapper is one of them)
    const xml = withReviewContent(properties(MAX_EXTENSION_ELEMENTS));

    // when
    const compiled = await compileDiagram(xml, { amount: 5, unit: 'days' });

    // then
    expect(compiled.steps.userTasks.review!.name).to.equal('Thẩm định hồ sơ');
  });

  it('should refuse one extension element over the cap, and 39,000 of them, before parsing', async () => {
    // when
    const over = xmlGuardProblems(withReviewContent(properties(MAX_EXTENSION_ELEMENTS + 1)));
    const hostile = await compileDiagram(withReviewContent('<mc:x a="1" />\n'.repeat(39_000)), {
      amount: 5,
      unit: 'days',
    }).catch((e: AppError) => e);

    // then
    expect(over[0]!.message).to.contain(
      `more than ${MAX_EXTENSION_ELEMENTS} elements inside <extensionElements>`,
    );
    expect(hostile).to.be.instanceOf(AppError);
    expect((hostile as AppError).code).to.equal('invalid_bpmn');
  });

  it('should let through as many unknown elements as the cap allows, for the parser to name, and refuse one more', async () => {
    // given elements BPMN does not define, straight inside a user task (a parser warning each)
    const atCap = withReviewContent('', '<x:note xmlns:x="urn:x" />'.repeat(MAX_UNKNOWN_ELEMENTS));
    const overCap = withReviewContent('', '<x:note xmlns:x="urn:x" />'.repeat(MAX_UNKNOWN_ELEMENTS + 1));

    // when
    const parsed = await compileDiagram(atCap, { amount: 5, unit: 'days' }).catch((e: AppError) => e);

    // then the guard passes the first, the parser names its elements; the guard refuses the second
    expect(xmlGuardProblems(atCap)).to.deep.equal([]);
    expect((parsed as AppError).code).to.equal('invalid_bpmn');
    expect(JSON.stringify((parsed as AppError).details)).to.contain('unrecognized element <x:note>');
    expect(xmlGuardProblems(overCap)[0]!.message).to.contain(
      `more than ${MAX_UNKNOWN_ELEMENTS} elements BPMN does not define`,
    );
  });

  it('should count unknown names in the BPMN and mc namespaces, and not Camunda or foreign extensions', () => {
    // given
    const bpmnNames = withReviewContent('', '<bpmn:noSuchThing />'.repeat(MAX_UNKNOWN_ELEMENTS + 1));
    const mcNames = withReviewContent('<mc:noSuchThing />'.repeat(MAX_UNKNOWN_ELEMENTS + 1));
    const foreign = withReviewContent('<x:anything xmlns:x="urn:x" />'.repeat(MAX_UNKNOWN_ELEMENTS + 1));

    // then
    expect(xmlGuardProblems(bpmnNames)).to.have.length(1);
    expect(xmlGuardProblems(mcNames)).to.have.length(1);
    expect(xmlGuardProblems(foreign)).to.deep.equal([]);
  });

  it('should refuse an element with more attributes than the cap, and pass one at it', () => {
    // given
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => `x:a${i}="1"`).join(' ');
    const at = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:x"><bpmn:task ${attributes(MAX_ATTRIBUTES_PER_ELEMENT)} /></bpmn:definitions>`;
    const over = edited(at, ['<bpmn:task ', '<bpmn:task y="1" ']);

    // then
    expect(xmlGuardProblems(at)).to.deep.equal([]);
    expect(xmlGuardProblems(over)[0]!.message).to.contain(
      `more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes`,
    );
  });

  it('should refuse duplicate BPMN ids, naming the id, and allow the same id in an extension', () => {
    // given
    const fixture = readFixture('engine/three-departments.bpmn');
    const duplicated = withReviewContent('', '<bpmn:textAnnotation id="review" />');
    const inExtension = withReviewContent(
      '<camunda:formData><camunda:formField id="review" /></camunda:formData>',
    );

    // then
    expect(xmlGuardProblems(fixture)).to.deep.equal([]);
    expect(xmlGuardProblems(duplicated)[0]!.message).to.equal(
      'Two elements have the id "review"; every id must be unique',
    );
    expect(xmlGuardProblems(inExtension)).to.deep.equal([]);
  });

  it('should refuse character references to what XML cannot hold, and keep the ones it can', () => {
    // given
    const name = (ref: string) => withReviewContent('', `<bpmn:documentation>a${ref}b</bpmn:documentation>`);

    // then
    for (const bad of ['&#0;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#x110000;', '&#1;']) {
      expect(xmlGuardProblems(name(bad))[0]?.message, bad).to.contain('character reference');
    }
    for (const good of ['&#9;', '&#xA;', '&#x1EA0;', '&#x1F600;', '&amp;'])
      expect(xmlGuardProblems(name(good)), good).to.deep.equal([]);
  });
});

describe('XML guard: namespaces as exporters write them', () => {
  it('should know BPMN names under any prefix and in the default namespace', () => {
    // given the three-department diagram with its BPMN prefix renamed, then made the default namespace
    const fixture = readFixture('engine/three-departments.bpmn');
    const renamed = edited(fixture, [/xmlns:bpmn=/, 'xmlns:semantic='], [/<(\/?)bpmn:/g, '<$1semantic:']);
    const unprefixed = edited(fixture, [/xmlns:bpmn=/, 'xmlns='], [/<(\/?)bpmn:/g, '<$1']);
    expect(renamed).to.not.contain('<bpmn:');
    expect(unprefixed).to.not.contain('<bpmn:');

    // then neither counts a known element as unknown: 101 text annotations more still pass
    const crowd = (xml: string, tag: string) =>
      edited(xml, [
        `</${tag}process>`,
        `${`<${tag}textAnnotation />`.repeat(MAX_UNKNOWN_ELEMENTS + 1)}</${tag}process>`,
      ]);
    expect(xmlGuardProblems(crowd(renamed, 'semantic:'))).to.deep.equal([]);
    expect(xmlGuardProblems(crowd(unprefixed, ''))).to.deep.equal([]);
  });
});
