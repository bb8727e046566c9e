import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

const api = process.env.MOTCUA_API ?? 'http://localhost:3000';
const serverSource = fileURLToPath(new URL('../server/src/', import.meta.url));
/**
 * Server modules the page runs on purpose, browser-safe and shared with the server: the
 * validator runtime's (validator-runtime.ts) and the one rule set deploy and the modeler run
 * (engine/lint/lint-config.ts, with the checks its rules call, the step-budget paths the
 * deadlines panel runs too).
 */
const SHARED = [
  'http/linear-regexp.ts',
  'http/validator-runtime-names.ts',
  'engine/lint/lint-config.ts',
  'engine/lint/lint-rules.ts',
  'engine/lint/bpmnlint-rules.ts',
  'engine/lint/lint-problems.ts',
  'engine/lint/flow-links.ts',
  'engine/lint/motcua-rules/index.ts',
  'engine/lint/motcua-rules/diagram.ts',
  'engine/lint/motcua-rules/diagram-rules.ts',
  'engine/lint/motcua-rules/step-budgets.ts',
  'engine/lint/motcua-rules/step-fields.ts',
  'engine/bpmn-inspection.ts',
  'engine/feel.ts',
  'engine/outcome-routes.ts',
  'engine/step-budgets.ts',
  'engine/budget-paths.ts',
  'calendar/working-time.ts',
  'db/roles.schema.ts',
  'engine/step-fields.ts',
].map((f) => serverSource + f);

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
