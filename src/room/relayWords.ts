// What the relay says to a participant it refuses or cuts off, shared by the relay (which says
// it) and the app (which shows it as it is). Refusals come as the reason of a failed
// authentication; a cut-off connection as a close code, which the app names in its own words.

export const TOO_MANY_ROOMS = 'Reläet tar inte emot fler nya rum just nu. Försök igen om en stund.';
export const ROOM_FULL = 'Rummet är fullt just nu. Försök igen när någon har lämnat det.';
export const RELAY_FULL = 'Reläet har inte plats för fler rum just nu. Försök igen om en stund.';
export const TOO_MANY_CONNECTIONS = 'Reläet tar inte emot fler anslutningar från den här adressen just nu.';

/** Every refusal the relay words itself (any other reason is the key's: "Fel eller saknad nyckel"). */
export const RELAY_REFUSALS: readonly string[] = [TOO_MANY_ROOMS, ROOM_FULL, RELAY_FULL, TOO_MANY_CONNECTIONS];

/** The connection sent more than its share of messages in a short while. */
export const CLOSE_FLOOD = 4429;
/** The connection sent a message that is not a room message. */
export const CLOSE_MALFORMED = 4400;
/** WebSocket's own code for a message larger than the relay takes. */
export const CLOSE_TOO_BIG = 1009;

/** What the app says when the relay closed its connection with `code`, or null for an ordinary close. */
export function closeWord(code: number): string | null {
  if (code === CLOSE_FLOOD) return 'För många ändringar på kort tid: reläet pausade anslutningen en stund. Dina ändringar finns kvar här och skickas när den är tillbaka.';
  if (code === CLOSE_TOO_BIG) return 'För stor ändring: reläet tar inte emot den. Den finns kvar här; exportera planen för att dela den på annat sätt.';
  if (code === CLOSE_MALFORMED) return 'Reläet stängde anslutningen efter ett meddelande det inte kunde läsa. Dina ändringar finns kvar här.';
  return null;
}
