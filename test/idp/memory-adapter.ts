/**
 * An oidc-provider storage adapter that keeps everything in one Map per emulator, so that
 * several emulators in one test process never share sessions or grants (oidc-provider's own
 * memory adapter is process-wide).
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

export interface Stored {
  payload: AdapterPayload;
  expiresAt: number;
}

/** Returns an adapter class whose instances all read and write `store`. */
export function memoryAdapterFor(store: Map<string, Stored>): new (name: string) => Adapter {
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}

    private key(id: string): string {
      return `${this.name}:${id}`;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
      if (payload.grantId) {
        const grantKey = `grant:${payload.grantId}`;
        const ids = (store.get(grantKey)?.payload.ids as string[] | undefined) ?? [];
        store.set(grantKey, { payload: { ids: [...ids, this.key(id)] }, expiresAt: Infinity });
      }
      if (payload.userCode)
        store.set(`userCode:${payload.userCode}`, { payload: { id }, expiresAt: Infinity });
      if (payload.uid) store.set(`uid:${payload.uid}`, { payload: { id }, expiresAt: Infinity });
      return Promise.resolve();
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      const stored = store.get(this.key(id));
      if (!stored || stored.expiresAt < Date.now()) return Promise.resolve(undefined);
      return Promise.resolve(stored.payload);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = store.get(`userCode:${userCode}`)?.payload.id as string | undefined;
      return id ? this.find(id) : Promise.resolve(undefined);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = store.get(`uid:${uid}`)?.payload.id as string | undefined;
      return id ? this.find(id) : Promise.resolve(undefined);
    }

    consume(id: string): Promise<void> {
      const stored = store.get(this.key(id));
      if (stored) stored.payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      store.delete(this.key(id));
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      const grantKey = `grant:${grantId}`;
      for (const key of (store.get(grantKey)?.payload.ids as string[] | undefined) ?? []) store.delete(key);
      store.delete(grantKey);
      return Promise.resolve();
    }
  };
}
