/** Runs in the page: replaces the open plan by a generated one of n items; resolves to its id. */
export function seedPlan(n: number): Promise<string>;
