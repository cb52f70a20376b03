import { describe, expect, it } from 'vitest';
import { containerKey, containerName, INSPEL, parseContainerKey } from './containers';
import { createExampleDoc } from './plan';

describe('containers', () => {
  const doc = createExampleDoc(new Date('2026-11-22T10:00:00Z'));

  it('names Inspel and each cell as the UI says them', () => {
    expect(containerName(doc, INSPEL)).toBe('Inspel');
    expect(containerName(doc, containerKey({ bladeId: 'ledarskap', ringId: 'r2026' }))).toBe('Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026');
  });

  it('keys and parses a place both ways', () => {
    expect(containerKey(null)).toBe(INSPEL);
    expect(parseContainerKey(INSPEL)).toBeNull();
    expect(parseContainerKey(containerKey({ bladeId: 'a', ringId: 'b' }))).toEqual({ bladeId: 'a', ringId: 'b' });
    expect(() => parseContainerKey('trasig')).toThrow();
  });
});
