import { Refused, type Refusal } from '../../server/domain/refusals.js';

/** The refusal a domain call throws, as a typed value; fails the test when it does not refuse so. */
export async function refusalFrom(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Refused) return (e as Refused).refusal;
    throw e;
  }
  throw new Error('expected a refusal');
}
