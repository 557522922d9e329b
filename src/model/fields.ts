// Number and string field schemas whose messages read as the reason a value is refused.
// Import, the inspector and the simulator all show these, so they are written for people.
// Every number has an upper bound (limits.ts), so no value can wrap, overflow or exhaust memory.
import { z } from 'zod';
import { formatCount } from './format';
import { MAX_ID_LENGTH, MAX_SECONDS, MAX_TEXT_LENGTH, MIN_SECONDS } from './limits';

type Issue = { input?: unknown };
/** A message for a present-but-wrong value; an absent one is simply "is required". */
export const reason = (text: string) => (iss: Issue) => (iss.input === undefined ? 'is required' : text);

/** A whole number from `min` to `max` inclusive. */
export const wholeAtLeast = (min: number, max: number) => {
  const text = `must be a whole number ≥ ${min}`;
  return z.number({ error: reason(text) }).refine((v) => Number.isInteger(v) && v >= min && v <= max, {
    error: (iss) => (Number(iss.input) > max ? `must be at most ${formatCount(max)}` : text),
  });
};

/** A number from `min` to `max` inclusive that is neither a time nor a count (a factor, an exponent). */
export const numberFrom = (min: number, max: number) => {
  const text = `must be a number ≥ ${min}`;
  return z.number({ error: reason(text) }).refine((v) => v >= min && v <= max, {
    error: (iss) => (Number(iss.input) > max ? `must be at most ${formatCount(max)}` : text),
  });
};

const TOO_LONG = `must be at most ${formatCount(MAX_SECONDS)} s (about 32 years)`;

/** A time in seconds: 0, or from 1 ns to MAX_SECONDS (about 32 years). */
export const seconds = () => {
  const text = 'must be a number ≥ 0 s';
  return z.number({ error: reason(text) }).refine((v) => v === 0 || (v >= MIN_SECONDS && v <= MAX_SECONDS), {
    error: (iss) => {
      const v = Number(iss.input);
      return v < 0 ? text : v > MAX_SECONDS ? TOO_LONG : `must be 0 or at least ${MIN_SECONDS} s (1 ns)`;
    },
  });
};

/** A time in seconds > 0: from 1 ns to MAX_SECONDS. */
export const positiveSeconds = () => {
  const text = 'must be a number > 0 s';
  return z.number({ error: reason(text) }).refine((v) => v >= MIN_SECONDS && v <= MAX_SECONDS, {
    error: (iss) => {
      const v = Number(iss.input);
      return v <= 0 ? text : v > MAX_SECONDS ? TOO_LONG : `must be at least ${MIN_SECONDS} s (1 ns)`;
    },
  });
};

export const probability = () => {
  const text = 'must be a probability between 0 and 1';
  return z
    .number({ error: reason(text) })
    .min(0, { error: text })
    .max(1, { error: text });
};

/**
 * Text that must not be empty, kept exactly as written: " p " and "p" are different ids (trimming
 * them would join two nodes, or cut a node off its edges).
 */
export const nonEmptyText = (what = 'text', max = MAX_ID_LENGTH) => {
  const text = `must be non-empty ${what}`;
  return z.string({ error: reason(text) }).refine((s) => s.trim() !== '' && s.length <= max, {
    error: (iss) =>
      String(iss.input).length > max ? `must be at most ${formatCount(max)} characters` : text,
  });
};

/** Free text (a name, a label) of bounded length. */
export const text = (max = MAX_TEXT_LENGTH) =>
  z
    .string({ error: reason('must be text') })
    .max(max, { error: `must be at most ${formatCount(max)} characters` });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: reason(`must be one of ${values.map((v) => `"${v}"`).join(', ')}`) });

export const objectError = reason('must be an object');

/** An object whose known fields are checked and whose unknown fields are kept (they survive a round trip). */
export const openObject = <S extends z.core.$ZodShape>(shape: S) =>
  z.looseObject(shape, { error: objectError });
