/** A new globally unique id (items are stored in one table across plans). */
export function newId(): string {
  return crypto.randomUUID();
}
