// Dates and times in Swedish. The first Intl formatter a page makes loads the locale's data —
// 30–80 ms in Chromium here, on the main thread — so a formatter is made when it is first asked
// for, not while the app's modules are evaluated before the first paint (two made at module
// level held every page load up by that much), and `warmSwedishTime` loads the data in idle time
// once the plan is on screen, so the first "Sparad 12:34" does not pay for it either.

const made = new Map<string, Intl.DateTimeFormat>();

/** A Swedish date/time formatter with these options, made on first use and kept. */
export function swedishTime(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = made.get(key);
  if (!format) made.set(key, (format = new Intl.DateTimeFormat('sv-SE', options)));
  return format;
}

/** Load the Swedish locale's data when the page is idle (after the first paint). */
export function warmSwedishTime(): void {
  const warm = () => void swedishTime({ hour: '2-digit', minute: '2-digit' }).format(0);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 5000 });
  else setTimeout(warm, 0);
}
