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
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
