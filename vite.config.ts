import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { CSP, SECURITY_HEADERS } from './src/security.ts';

function contentSecurityPolicy(): Plugin {
  return {
    name: 'solfjadern-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * src/early.ts starts reading the plan from IndexedDB. The app imports it first, but a module
 * runs only once everything it imports has loaded, so the build also makes it an entry of
 * its own (tiny, no dependencies) whose script goes before the app's: the read then runs
 * while React and the rest of the app still download and compile.
 */
function earlyEntry(entry = 'src/early.ts'): Plugin {
  return {
    name: 'solfjadern-early-entry',
    apply: 'build',
    config: () => ({ build: { rolldownOptions: { input: { index: 'index.html', early: entry } } } }),
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const chunk = Object.values(bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(entry));
        const app = html.indexOf('<script type="module"');
        if (!chunk || app < 0) throw new Error(`No entry for ${entry}`);
        return `${html.slice(0, app)}<script type="module" async crossorigin src="/${chunk.fileName}"></script>\n    ${html.slice(app)}`;
      },
    },
  };
}

/** The early read's modules (src/early.ts and what it imports: the read, the kept screen). */
const EARLY = /[\\/]src[\\/](early\.ts|db[\\/]earlyRead\.ts|screen[\\/](showScreen|keptScreen)\.ts)$/;

const app = defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    earlyEntry(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Solfjädern – handlingsplan',
        short_name: 'Solfjädern',
        description: 'Planera omställningen som en solfjäder – fungerar utan nätverk.',
        lang: 'sv',
        start_url: '.',
        display: 'standalone',
        background_color: '#f4f5f7',
        theme_color: '#23395d',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take over the page on the first visit, so it works offline right away.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the first paint runs, in one file beside the entry: split by which lazy
            // parts share it, it was some twenty files of a few hundred bytes each, fetched in
            // rounds of six (a first visit's HTTP/1.1), ~100 ms before the app could start.
            // The early read stays its own small entry (it must not wait for the app's code).
            // The early read's modules in one file (its entry): what it shares with the app
            // (the kept screen's shape) is not a file of its own to wait for.
            { name: 'early', test: (id: string) => EARLY.test(id) },
            {
              name: 'app',
              tags: ['$initial'],
              test: (id: string) => !EARLY.test(id),
              // Not the early read's modules, though the app imports them too.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  // The storage worker (src/db/compactWorker.ts) as a module, like the page's own code.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['tests/setup-unit.ts'],
    // The property tests run hundreds of random cases: 2–5 s on a busy machine (CI once timed one
    // out at vitest's 5 s). Room for that — never a measure of speed (that is the bench's job).
    testTimeout: 30_000,
  },
});

/**
 * `vite build --mode relay`: the room relay for Node (`npm start` runs dist-relay/relay.js) and its
 * backup (dist-relay/relay-backup.js) and health check (dist-relay/relay-healthcheck.js); their
 * packages stay in node_modules.
 */
const relay = defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-relay',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      input: { relay: 'src/relay/main.ts', 'relay-backup': 'src/relay/backupMain.ts', 'relay-healthcheck': 'src/relay/healthcheck.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'relay' ? relay : app));
