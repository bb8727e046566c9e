// The catalogue lives in core/ because the engine and services throw from it too; the HTTP
// layer keeps this path so its imports (and the house layout) stay as they were.
export * from '../core/errors.js';
