/** "1 tillagd", "3 tillagda": a number with the Swedish word in singular or plural. */
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
