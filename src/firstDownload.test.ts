// What the first paint needs is all the first download holds (src/main.tsx's static imports):
// Yjs and the code that holds the plan's document load after it (src/store/engine.ts). A static
// import that pulls them in again would put ~50 KB gzip back before the first paint.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Static (value) imports of a module: `import … from`, `import '…'`, `export … from` — not `import type`, not `import()`. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every module the entry reaches through static imports, with the packages each imports. */
function firstDownload(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specs = staticImports(file);
    seen.set(file, specs.filter((s) => !s.startsWith('.')));
    for (const spec of specs) {
      const next = resolve(file, spec);
      if (next) visit(next);
    }
  };
  visit(entry);
  return seen;
}

describe('the first download', () => {
  const modules = firstDownload('src/main.tsx');

  it('holds the app shell and the fan, not Yjs, the room, Dexie or the document code', () => {
    expect(modules.has(normalize('src/fan/FanView.tsx'))).toBe(true);
    const heavy = [...modules].flatMap(([file, packages]) => packages.filter((p) => /^(yjs|lib0|y-protocols|@hocuspocus|dexie|docx|jszip)(\/|$)/.test(p)).map((p) => `${file} → ${p}`));
    expect(heavy).toEqual([]);
    for (const engine of ['src/store/engine.ts', 'src/store/openDoc.ts', 'src/store/planEditor.ts', 'src/store/persistence.ts', 'src/db/repository.ts']) expect(modules.has(normalize(engine)), engine).toBe(false);
  });

  it('makes no Intl formatter while its modules load (the first one loads the locale: 30–80 ms before the first paint)', () => {
    const atLoad = [...modules.keys()].filter((file) => /^(?:export\s+)?(?:const|let|var)\s+\w+\s*=\s*new Intl\./m.test(readFileSync(file, 'utf8')));
    expect(atLoad).toEqual([]);
    // The check itself finds one where there is one.
    expect(/^(?:export\s+)?(?:const|let|var)\s+\w+\s*=\s*new Intl\./m.test(readFileSync('src/components/VersionsDialog.tsx', 'utf8'))).toBe(true);
  });

  it('finds a static import of Yjs where there is one (the check itself works)', () => {
    expect(firstDownload('src/store/engine.ts').get(normalize('src/store/openDoc.ts'))).toContain('yjs');
  });
});
