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

/**
 * Runs `work` with console.error captured instead of printed: for the tests that make the server
 * fail on purpose, which read what it logs rather than filling the test output with it.
 */
export async function withLoggedErrors<T>(work: () => Promise<T>): Promise<{ result: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => {
    logged.push(parts.map((p) => (p instanceof Error ? `${p.message}` : String(p))).join(' '));
  };
  try {
    return { result: await work(), logged };
  } finally {
    console.error = original;
  }
}
