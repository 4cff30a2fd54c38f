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
