import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { BROWSER_SHARED } from '../server/src/web/browser-shared.js';

const api = process.env.MOTCUA_API ?? 'http://localhost:3000';
const serverSource = fileURLToPath(new URL('../server/src/', import.meta.url));
const SHARED: string[] = BROWSER_SHARED.map((f) => serverSource + f);

/** Fails the build if a server module other than the shared ones would be bundled (a value import). */
const noServerCode: Plugin = {
  name: 'motcua-no-server-code',
  load(id) {
    if (id.startsWith(serverSource) && !SHARED.includes(id))
      this.error(`${id} is server code: the client imports the server only with \`import type\``);
    return null;
  },
};

/** Built into client/dist, which the Koa server serves; `vite` alone proxies the API for development. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue(), noServerCode],
  // Types only: client code imports the server's schemas with `import type`, which the compiler
  // erases; the alias is for the type checker and Vue's compiler reading imported prop types.
  resolve: { alias: { '@server': serverSource.replace(/\/$/, '') } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    // The Host header passes unchanged (no changeOrigin): the server's CSRF guard and socket.io
    // accept the page's Origin only when it is the host the request was addressed to.
    proxy: { '/api': { target: api }, '/socket.io': { target: api, ws: true } },
  },
});
