// The key lives in sessionStorage only: it is gone when the browser tab closes and is never written to disk by us.
const storageName = 'crm.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(storageName);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(storageName, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(storageName);
}
