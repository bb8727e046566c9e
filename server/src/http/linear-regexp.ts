import { RE2JS } from 're2js';

/**
 * ajv's `code.regExp` engine: RE2 (pure-JS port, re2js), whose matching time is linear in the
 * input whatever the pattern, so a form schema's `pattern` such as `^(a+)+$` cannot hold the
 * server or a browser for minutes on `aaaa…a!`. JavaScript syntax is translated to RE2's; what
 * RE2 cannot run in linear time (lookaround, backreferences) does not compile, so ajv.compile
 * throws and the schema is refused at deploy. The server and the web client both use this one.
 */
export function linearRegExp(pattern: string): { test(text: string): boolean; toString(): string } {
  const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  // ajv keys compiled patterns by toString(); the default "[object Object]" would let them collide.
  return { test: (text) => compiled.test(text), toString: () => `re2:${pattern}` };
}
linearRegExp.code = 'linearRegExp';
