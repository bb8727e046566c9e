import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const api = process.env.MOTCUA_API ?? 'http://localhost:3000';

/** Built into client/dist, which the Koa server serves; `vite` alone proxies the API for development. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    // The Host header passes unchanged (no changeOrigin): the server's CSRF guard and socket.io
    // accept the page's Origin only when it is the host the request was addressed to.
    proxy: { '/api': { target: api }, '/socket.io': { target: api, ws: true } },
  },
});
