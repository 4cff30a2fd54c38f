/**
 * A module loaded on first use and then kept. Each `import()` call asks the module loader again
 * (resolve hooks included, which run on a thread of their own under a loader like tsx): a cost on
 * every sign-in that one load avoids.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      // A failed load is tried again next time rather than kept.
      loaded = undefined;
      throw error;
    }));
}
