import { describe, expect, it } from 'vitest';
import { LIMITS } from '../schema/planFile';
import { fileTooLarge, MAX_FILE_BYTES, MAX_TEXT_LENGTH } from './limits';

describe('limits, defined once', () => {
  it('the file format holds item texts to the editor’s limit', () => {
    expect(LIMITS.itemText).toBe(MAX_TEXT_LENGTH);
  });
  it('says a file is too large in one way, with its size', () => {
    expect(fileTooLarge(MAX_FILE_BYTES + 1.3 * 1024 * 1024)).toBe('Filen är för stor (21,3 MB). En fil får vara högst 20 MB.');
  });
});
