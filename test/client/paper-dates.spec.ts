import { expect } from 'chai';
import fc from 'fast-check';
import * as browser from '../../client/src/components/papers/paper-dates.js';
import * as server from '../../server/src/papers/pdf-sheet.js';

/** The three forms a paper prints a date in, on one side of the wire. */
const forms = (side: typeof browser | typeof server, iso: string) => [
  side.formatPaperDate(iso),
  side.paperDateLine(iso),
  side.formatInstant(iso),
];

describe('Paper dates: the browser paper and the PDF', () => {
  it('should date a paper "ngày 02 tháng 12 năm 2026", two-digit day and month, in Vietnam\'s time', () => {
    // given instants whose UTC date is not Vietnam's date (after 17:00 UTC), with one-digit parts
    const cases: [string, string[]][] = [
      [
        '2026-12-01T18:05:00Z',
        ['ngày 02 tháng 12 năm 2026', 'Ngày 02 tháng 12 năm 2026', '01 giờ 05 phút, ngày 02/12/2026'],
      ],
      [
        '2026-12-31T17:30:00Z',
        ['ngày 01 tháng 01 năm 2027', 'Ngày 01 tháng 01 năm 2027', '00 giờ 30 phút, ngày 01/01/2027'],
      ],
      [
        '2026-03-09T09:00:00Z',
        ['ngày 09 tháng 03 năm 2026', 'Ngày 09 tháng 03 năm 2026', '16 giờ 00 phút, ngày 09/03/2026'],
      ],
    ];

    for (const [iso, expected] of cases) {
      // then the browser and the PDF print each form alike, the way papers are dated
      expect(forms(browser, iso), iso).to.deep.equal(expected);
      expect(forms(server, iso), iso).to.deep.equal(expected);
    }
  });

  it('should give the same strings on both sides for any instant', () => {
    // given any instant from 2000 to 2100
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });

    // then the browser's formatter and the PDF's agree on every form
    fc.assert(
      fc.property(instants, (date) => {
        const iso = date.toISOString();
        expect(forms(browser, iso)).to.deep.equal(forms(server, iso));
      }),
      { numRuns: 500 },
    );
  });
});
