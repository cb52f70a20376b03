// Who is commenting: asked once, remembered on this device (not in the plan, not synced).
const KEY = 'solfjadern:author';

export function rememberedAuthor(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberAuthor(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // Private mode without storage: the name is asked again next time.
  }
}
