/** A fetch for tests of providers that publish less than the emulator does. */

/** Fetch, with the discovery document's `keys` taken out (a provider that lacks those endpoints). */
export function withoutEndpoints(...keys: string[]): typeof fetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!response.url.endsWith('/.well-known/openid-configuration')) return response;
    const document = (await response.json()) as Record<string, unknown>;
    for (const key of keys) delete document[key];
    return Response.json(document);
  };
}

/** Fetch, with `extra` added to the discovery document (a provider that publishes more). */
export function withDiscoveryExtras(extra: Record<string, unknown>): typeof fetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!response.url.endsWith('/.well-known/openid-configuration')) return response;
    return Response.json({ ...((await response.json()) as object), ...extra });
  };
}
