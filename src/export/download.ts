// Downloads made in the browser: a blob URL and a clicked link, no request leaves the page.

/** A file name from the plan's name, safe on Windows, macOS and Linux. */
export function safeFileName(name: string, ext: string): string {
  // Control characters are what it removes: the regex names them on purpose.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'plan';
  return `${base}.${ext}`;
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
