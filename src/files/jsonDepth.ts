// JSON nested deeper than any plan ever is: refused before anything recursive touches it
// (JSON.parse, structuredClone, the schema's checks), so a crafted file cannot overflow the
// stack. A plan file nests about eight levels; the cap leaves room for growth.

export const MAX_JSON_DEPTH = 64;

export const JSON_TOO_DEEP = `Filen har data i fler än ${MAX_JSON_DEPTH} nivåer inuti varandra och kan inte vara en plan – den kan vara skadad eller gjord för att krascha program.`;

/** Whether JSON text nests objects and arrays deeper than `max` (strings and escapes skipped; one pass, no parsing). */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
