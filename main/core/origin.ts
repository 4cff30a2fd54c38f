/** Origins of URLs, custom schemes included. */

/** `scheme://host[:port]` of a URL. (URL.origin is "null" for custom schemes such as app://.) */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
