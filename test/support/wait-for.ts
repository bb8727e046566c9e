/**
 * Polls `probe` until it answers a value, and answers it; fails naming `what` after `timeoutMs`.
 * Tests wait on a condition they can observe this way, never for a fixed time that a loaded
 * machine can outrun.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
