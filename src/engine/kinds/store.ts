// Stores: terminal. A copy that reaches one has completed its journey.
import { C_IN } from '../metrics';
import type { EngineKind } from './types';

export const storeKind: EngineKind<'store'> = {
  compile() {},
  throughput: C_IN,
  capacity: () => 0,
  workers: () => 0,
};
