import { SourceError } from '../../../src/lib/errors.ts';

/** The error `run` throws, which must be a SourceError. */
export function sourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError, but nothing was thrown');
}
