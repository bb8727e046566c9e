import { COMMON_PASSWORD_WORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;

const common = new Set(COMMON_PASSWORD_WORDS);

/** The rule a refused password breaks, a stable id the client words in its own language. */
export type PasswordRule = 'too_short' | 'contains_username' | 'common' | 'simple_number' | 'few_characters';

/**
 * Why `password` may not be used (for the account `username`), or null when it may. The rule
 * is NIST SP 800-63B's: long enough, not from a breach list, not the user's own name; no
 * composition rules, which push people to "Password1!".
 */
export function passwordProblem(password: string, username?: string): string | null {
  return brokenPasswordRule(password, username)?.message ?? null;
}

/** The first rule `password` breaks, with its English message, or null when it may be used. */
export function brokenPasswordRule(
  password: string,
  username?: string,
): { rule: PasswordRule; message: string } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return { rule: 'too_short', message: `a password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  const lower = password.toLowerCase();
  if (username && username.length >= 4 && lower.includes(username.toLowerCase()))
    return { rule: 'contains_username', message: 'a password may not contain the username' };
  // Digits and symbols around a word add little: "matkhau@2026" is guessed as soon as "matkhau" is.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (common.has(lower) || common.has(core))
    return { rule: 'common', message: 'this password is on the list of common passwords' };
  if (!/\p{L}/u.test(lower) && isSimpleNumber(lower))
    return { rule: 'simple_number', message: 'this password is a simple number sequence' };
  if (new Set(lower).size < 4)
    return { rule: 'few_characters', message: 'a password needs more than three different characters' };
  return null;
}

/** Runs such as 123456789012 or 111111222222: each step repeats or moves by one. */
function isSimpleNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < value.length - 2) return false;
  let steps = 0;
  for (let i = 1; i < digits.length; i += 1) {
    const d = Math.abs(Number(digits[i]) - Number(digits[i - 1]));
    if (d <= 1 || d === 9) steps += 1;
  }
  return steps >= digits.length - 2;
}
