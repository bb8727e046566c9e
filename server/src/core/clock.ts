/**
 * The time every command stamps and measures with. Deadlines are about working hours and
 * days, so tests move this clock instead of waiting; production never touches it.
 */
export const clock = {
  now: (): Date => new Date(),
};
