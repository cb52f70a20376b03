// How much of the browser's storage the plans use, and whether it is kept for sure.
import { useEffect, useState } from 'react';
import { storageUse, type StorageUse as Use } from '../store/session';

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}

export function StorageUse({ refreshKey }: { refreshKey: unknown }) {
  const [use, setUse] = useState<Use | null>(null);
  useEffect(() => {
    void storageUse().then(setUse);
  }, [refreshKey]);
  if (!use) return null;
  return (
    <p className="storage-use" data-testid="storage-use">
      Lagring i webbläsaren: {formatBytes(use.usage)} används
      {use.quota > 0 ? ` av ${formatBytes(use.quota)}` : ''}.{' '}
      {use.persisted
        ? 'Webbläsaren har lovat att spara planerna.'
        : 'Webbläsaren kan rensa planerna om utrymmet tar slut – exportera viktiga planer.'}
    </p>
  );
}
