/**
 * How the core's requests reach the network, as the app (Chromium's stack) and the CLI (undici)
 * each provide it: a fetch, and the route a URL takes, in words for the doctor.
 */
/** A fetch the core uses for every provider request; tests and the benchmark count through it. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** How provider requests reach the network: the fetch, and how it routes a URL (for the doctor). */
export interface Network {
  fetch: Fetch;
  /** The route to `url` in words: "through http://proxy:3128 (from HTTPS_PROXY)", "direct (…)". */
  routeOf: (url: URL) => Promise<string>;
}

/** The network for the settings in effect (their proxy and extra certificates). */
export type NetworkFor = (settings: { proxy: string; caFile: string }) => Network;
