// Number and string field schemas whose messages read as the reason a value is refused.
// Import, the inspector and the simulator all show these, so they are written for people.
import { z } from 'zod';

type Issue = { input?: unknown };
/** A message for a present-but-wrong value; an absent one is simply "is required". */
export const reason = (text: string) => (iss: Issue) => (iss.input === undefined ? 'is required' : text);

export const wholeAtLeast = (min: number) => {
  const text = `must be a whole number ≥ ${min}`;
  return z
    .number({ error: reason(text) })
    .int({ error: text })
    .min(min, { error: text });
};

export const atLeast = (min: number, unit = '') => {
  const text = `must be a number ≥ ${min}${unit ? ` ${unit}` : ''}`;
  return z.number({ error: reason(text) }).min(min, { error: text });
};

export const positive = (unit = '') => {
  const text = `must be a number > 0${unit ? ` ${unit}` : ''}`;
  return z.number({ error: reason(text) }).positive({ error: text });
};

export const probability = () => {
  const text = 'must be a probability between 0 and 1';
  return z
    .number({ error: reason(text) })
    .min(0, { error: text })
    .max(1, { error: text });
};

export const nonEmptyText = (what = 'text') => {
  const text = `must be non-empty ${what}`;
  return z
    .string({ error: reason(text) })
    .trim()
    .min(1, { error: text });
};

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: reason(`must be one of ${values.map((v) => `"${v}"`).join(', ')}`) });

export const objectError = reason('must be an object');

/** An object whose known fields are checked and whose unknown fields are kept (they survive a round trip). */
export const openObject = <S extends z.core.$ZodShape>(shape: S) =>
  z.looseObject(shape, { error: objectError });
