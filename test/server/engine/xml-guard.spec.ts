import { expect } from 'chai';
import { MAX_XML_DEPTH, xmlGuardProblems } from '../../../server/src/engine/xml-guard.js';
import { readFixture } from '../../support/fixtures.js';

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
