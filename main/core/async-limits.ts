/** A time limit for any promise: the one mechanism behind every "did not answer in time" in the core. */

/** How long a sign-in waits for the browser by default: 5 minutes. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

/** `promise`, or a rejection with `onTimeout()` once `ms` have passed; the timer never outlives the race. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A time limit as people say it: "45 s", "5 min", "2 h 30 min". */
export function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
