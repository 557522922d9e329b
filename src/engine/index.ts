// The engine's entry point for hosts (the Worker runtime and the CLI).
export * from './api';
export { createSimulation, createEngineSimulation, type EngineSimulation } from './simulation';
export type { Series } from './metrics';
