/** What the OS readers share: merging the objects of several stores (machine's first). */

/**
 * One policy object from several, the first one's keys winning; named profiles merge key by key,
 * so a user-level store can add a setting a machine-level one leaves out, never replace one.
 */
export function mergePolicyObjects(objects: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const profiles: Record<string, Record<string, unknown>> = {};
  for (const object of [...objects].reverse()) {
    for (const [key, value] of Object.entries(object)) {
      if (key !== 'profiles') merged[key] = value;
      else if (typeof value === 'object' && value !== null)
        for (const [name, entry] of Object.entries(value as Record<string, unknown>))
          profiles[name] = { ...profiles[name], ...(entry as Record<string, unknown>) };
    }
  }
  if (Object.keys(profiles).length > 0) merged.profiles = profiles;
  return merged;
}
