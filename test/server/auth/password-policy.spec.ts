import { expect } from 'chai';
import { passwordProblem } from '../../../server/src/core/password-policy.js';

describe('password policy', () => {
  it('should accept a long password that is not on the list', () => {
    expect(passwordProblem('Thu-nghiem-mot-cua-2026', 'cv.tnmt')).to.equal(null);
    expect(passwordProblem('ngựa vằn ăn cỏ non', 'lanhdao')).to.equal(null);
  });

  it('should refuse fewer than 12 characters, counting Vietnamese letters as one each', () => {
    expect(passwordProblem('demo1234')).to.match(/at least 12/);
    expect(passwordProblem('ờờờờờờờờờờờ')).to.match(/at least 12/);
  });

  it('should refuse common words with digits and symbols around them', () => {
    for (const p of [
      'password1234',
      'Password2026!',
      'matkhau123456',
      '2026@anhyeuem',
      'qwertyuiop12',
      '1qaz2wsx3edc',
    ]) {
      expect(passwordProblem(p), p).to.match(/common passwords/);
    }
  });

  it('should refuse simple number runs, few distinct characters and the username inside', () => {
    expect(passwordProblem('123456789012')).to.match(/number sequence/);
    expect(passwordProblem('111111222222')).to.match(/number sequence/);
    expect(passwordProblem('abababababab')).to.match(/different characters/);
    expect(passwordProblem('chuyenvien-2026', 'chuyenvien')).to.match(/username/);
  });
});
