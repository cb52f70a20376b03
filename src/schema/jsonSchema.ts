// The plan file format as JSON Schema, generated from the importer's own zod schema.
import { z } from 'zod';
import { FILE_FORMAT, FILE_VERSION, planFileSchema } from './planFile';

export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planFileSchema, { unrepresentable: 'any' }),
    $id: 'https://solfjadern.invalid/plan.schema.json',
    title: `Solfjädern plan file (${FILE_FORMAT}, version ${FILE_VERSION})`,
  };
}
