/** Origins and hosts of URLs, custom schemes included. */

/** `scheme://host[:port]` of a URL. (URL.origin is "null" for custom schemes such as app://.) */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** True for hosts that never leave this machine; only they may use plain http. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** A URL's hostname as an address: an IPv6 literal without its brackets (`[::1]` → `::1`). */
export function withoutBrackets(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}
