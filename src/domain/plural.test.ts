import { describe, expect, it } from 'vitest';
import { count } from './plural';

describe('count', () => {
  it('says one thing in singular and anything else in plural', () => {
    expect(count(1, 'fil', 'filer')).toBe('1 fil');
    expect(count(0, 'fil', 'filer')).toBe('0 filer');
    expect(count(3, 'förslag', 'förslag')).toBe('3 förslag');
  });
});
