// The browser's storage for this site as a whole: asking it to keep the plans, and how much
// space they use ("Planer" shows it).

/** Ask the browser to keep this site's data even under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted?.()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export interface StorageUse {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function storageUse(): Promise<StorageUse | null> {
  try {
    if (!navigator.storage?.estimate) return null;
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    const persisted = (await navigator.storage.persisted?.()) ?? false;
    return { usage, quota, persisted };
  } catch {
    return null;
  }
}
