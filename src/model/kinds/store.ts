// Store: a terminal sink where events end their journey; nothing flows out of it.
import { openObject } from '../fields';
import { closed, defineKind, OPEN } from './modelKind';

const config = openObject({});

export const store = defineKind(config)({
  kind: 'store',
  label: 'Store',
  fieldDefaults: {},
  newConfig: () => ({}),
  summary: () => 'terminal',
  input: OPEN,
  output: closed('a store is terminal: nothing flows out of it'),
  bus: false,
});
