// Test-only preload (node --import): makes JSON.stringify throw, as a bug anywhere in the command
// would, so that a test can see what a user sees then: one line and exit code 5, no stack trace.
JSON.stringify = () => {
  throw new RangeError('Maximum call stack size exceeded');
};
