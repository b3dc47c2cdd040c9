// The device's Ed25519 key and the scrutineer's PIN-sealed key share, kept in IndexedDB.
//
// Web Crypto's non-extractable keys cannot hold a libsodium Ed25519 key, so the 64 key bytes
// are stored as they are, readable by any script of this origin: the tablet must be a
// dedicated device of the hall, and re-enrolling (a lost tablet) revokes the stored key on the
// server. The scrutineer's share is stored only sealed under its PIN (Argon2id, pin_seal.ts).

const DB_NAME = "plenum";
const STORE = "keys";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The bytes stored under `name`, or null. Errors: IndexedDB's (rejected promise). */
export async function loadBytes(name: string): Promise<Uint8Array | null> {
  const v = await run<unknown>("readonly", (s) => s.get(name));
  return v instanceof Uint8Array ? v : null;
}

/** Stores a copy of `bytes` under `name`, replacing what was there. */
export async function saveBytes(name: string, bytes: Uint8Array): Promise<void> {
  await run<unknown>("readwrite", (s) => s.put(new Uint8Array(bytes), name));
}

/** Deletes `name`. */
export async function deleteBytes(name: string): Promise<void> {
  await run<unknown>("readwrite", (s) => s.delete(name));
}

/** Where the congress key pinned at the enrollment of the device key `keyName` is kept. */
function pinName(keyName: string): string {
  return `${keyName}:congress`;
}

/** The congress public key (32 bytes) pinned beside the device key `keyName`, or null. */
export async function loadCongressPin(keyName: string): Promise<Uint8Array | null> {
  return loadBytes(pinName(keyName));
}

/** Pins `congressPk` (32 bytes) beside the device key `keyName`, replacing an earlier pin
 * (a re-enrollment learns the key anew). */
export async function saveCongressPin(keyName: string, congressPk: Uint8Array): Promise<void> {
  await saveBytes(pinName(keyName), congressPk);
}
