import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';
import { locale } from '../../client/src/i18n/index.js';
import { bpmnVi } from '../../modeler/src/features/translate/bpmn-vi.js';
import { translate } from '../../modeler/src/features/translate/translate.js';

const bpmnJs = path.dirname(createRequire(import.meta.url).resolve('bpmn-js/package.json'));

/** The strings a bpmn-js source file hands to translate: literal calls and the replace menu's labels. */
function translatedStrings(file: string, pattern: RegExp): string[] {
  const source = fs.readFileSync(path.join(bpmnJs, 'lib/features', file), 'utf8');
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

const CALLS = /translate\(\s*'([^']+)'/g;
const LABELS = /label: '([^']+)'/g;

describe('modeler: the translate module', () => {
  afterEach(() => {
    locale.value = 'vi';
  });

  it('should have a Vietnamese text for every string of the palette, context pad and replace menu', () => {
    // given what bpmn-js's installed providers translate
    const strings = [
      ...translatedStrings('palette/PaletteProvider.js', CALLS),
      ...translatedStrings('context-pad/ContextPadProvider.js', CALLS),
      ...translatedStrings('replace/ReplaceOptions.js', LABELS),
      ...translatedStrings('popup-menu/PopupEntries.js', LABELS),
      ...translatedStrings('popup-menu/ReplaceMenuProvider.js', CALLS),
    ];
    expect(strings.length).to.be.greaterThan(100);

    // then each has its Vietnamese text
    expect(strings.filter((text) => !bpmnVi[text])).to.deep.equal([]);
  });

  it("should follow the app's language, and spell a panel header's type like the menu's", () => {
    // given Vietnamese, then English
    locale.value = 'vi';
    const vi = [
      translate('Create task'),
      translate('User Task'),
      translate('Timer Boundary Event (Non Interrupting)'),
    ];
    locale.value = 'en';
    const en = translate('List contains {numOfItems} items', { numOfItems: 3 });

    // then Vietnamese comes from the dictionary (loosely for the header), English falls through filled
    expect(vi).to.deep.equal(['Tạo bước xử lý', 'Bước do cán bộ xử lý', 'Sự kiện biên hẹn giờ (không ngắt)']);
    expect(en).to.equal('List contains 3 items');
  });
});
