import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
// @ts-expect-error plain ESM build helper without type declarations
import { licenceNotice } from './src-main/launch/licence-notice.mjs';

/** `virtual:third-party-licences`: the licence notice, generated at each build, loaded lazily by Settings → About. */
function licenceNoticePlugin() {
  const id = 'virtual:third-party-licences';
  return {
    name: 'third-party-licences',
    resolveId: (source: string) => (source === id ? `\0${id}` : undefined),
    load: (resolved: string) => (resolved === `\0${id}` ? `export default ${JSON.stringify(licenceNotice(resolve('.')) as string)};` : undefined),
  };
}

// Folder = runtime: main and preload come from src-main/electron, the renderer from src-renderer.
// The main build also emits the two plain-Node entries, so `counter` and the web host run built
// JavaScript (no tsx) here and in the installed app: cli.js and web.js share the core's chunks.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          web: resolve('src-main/web/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react(), licenceNoticePlugin()],
  },
});
