/**
 * Names shared by the server, which writes validator modules (validator-module.ts), and the web
 * client, which runs them (client/src/composables/validator-runtime.ts). Kept apart from both so
 * that the client imports no ajv compiler with them.
 */

/** The global a page sets before importing a validator module: `require` for ajv's standalone code. */
export const VALIDATOR_RUNTIME = '__motcuaValidatorRuntime';

/** The name standalone code `require`s linearRegExp by. */
export const LINEAR_REGEXP_MODULE = 'motcua/linear-regexp';
