import { AppError } from '../../server/domain/errors.js';

/** The AppError a domain call refuses with; fails the test when it does not refuse. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
