export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoTime(date: Date): string {
  return date.toISOString();
}
