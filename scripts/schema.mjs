// npm run schema — writes docs/plan.schema.json from the zod schema the importer uses.
// (A unit test fails when the committed file and the schema differ.)
import { writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const server = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'silent' });
try {
  const { planJsonSchema } = await server.ssrLoadModule('/src/schema/jsonSchema.ts');
  writeFileSync('docs/plan.schema.json', `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  console.log('wrote docs/plan.schema.json');
} finally {
  await server.close();
}
