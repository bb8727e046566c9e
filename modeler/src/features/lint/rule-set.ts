/**
 * The one rule set, from the server's own modules (browser-safe, listed in client/vite.config.ts
 * SHARED): the modeler runs exactly what deploy runs. The only value import of server code here.
 */
export { linterOptions } from '../../../../server/src/engine/lint/lint-config.js';
export { problemOf } from '../../../../server/src/engine/lint/lint-problems.js';
export { linkFlowNodes } from '../../../../server/src/engine/lint/flow-links.js';
