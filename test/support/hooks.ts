import { startTestCluster, stopTestCluster } from './database.js';
import { logger } from '../../server/src/core/logger.js';

// The servers of a run log every request: only warnings and errors, unless LOG_LEVEL says otherwise.
logger.level = process.env.LOG_LEVEL || 'warn';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await startTestCluster();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopTestCluster();
  },
};
