import { parseArgs } from 'node:util';

/**
 * A bench's command line, strictly: an unknown option or a stray argument is an error (node's
 * strict parseArgs), and so is a value that is not what the option takes (the helpers below). A
 * figure measured under a typo'd option would otherwise be quoted as if the option had applied.
 */
export function benchArgs<K extends string>(
  argv: string[],
  options: Record<K, { default?: string }>,
): Record<K, string | undefined> {
  const spec = Object.fromEntries(
    Object.entries<{ default?: string }>(options).map(([name, o]) => [
      name,
      { type: 'string' as const, ...o },
    ]),
  );
  return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as Record<
    K,
    string | undefined
  >;
}

/** `--name N`: a whole number of at least `min`; undefined when the option was not given. */
export function wholeNumber(value: string | undefined, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min)
    throw new Error(`--${name} takes a whole number of ${min} or more, not "${value}"`);
  return n;
}

/** `--name N` with a default, so never undefined. */
export function requiredNumber(value: string | undefined, name: string, min = 0): number {
  const n = wholeNumber(value, name, min);
  if (n === undefined) throw new Error(`--${name} is required`);
  return n;
}

/** `--name choice`: one of `choices`. */
export function oneOf<C extends string>(value: string | undefined, name: string, choices: readonly C[]): C {
  if (!choices.includes(value as C))
    throw new Error(`--${name} takes one of ${choices.join(', ')}, not "${value}"`);
  return value as C;
}
