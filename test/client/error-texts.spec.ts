import { expect } from 'chai';
import { ERROR_CODES } from '../../server/src/core/error-codes.js';
import { ERROR_TEXTS } from '../../client/src/i18n/error-texts.js';

describe('The client texts for API error codes', () => {
  for (const locale of ['vi', 'en'] as const) {
    it(`should have a text in ${locale} for every code of the server's catalogue, and no other`, () => {
      // given the client's table for the language
      const table: Record<string, string> = ERROR_TEXTS[locale];

      // then its keys are exactly the catalogue, each with a text
      expect(Object.keys(table)).to.have.members([...ERROR_CODES]);
      for (const code of ERROR_CODES) expect(table[code]?.trim(), code).to.not.equal('');
    });
  }

  it('should not answer in English where the Vietnamese text is expected', () => {
    // A copy of the English table would compile and cover every key.
    const same = ERROR_CODES.filter((code) => ERROR_TEXTS.vi[code] === ERROR_TEXTS.en[code]);
    expect(same).to.deep.equal([]);
  });
});
