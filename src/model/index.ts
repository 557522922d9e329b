export * from './dist';
export * from './flow';
export * from './validate';
export * from './connect';
export * from './defaults';
export * from './summary';
export * from './serialize';
export * from './format';
