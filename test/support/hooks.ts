import { startTestCluster, stopTestCluster } from './database.js';
import { logger } from '../../server/src/core/logger.js';
import { clock } from '../../server/src/core/clock.js';

// The servers of a run log every request: only warnings and errors, unless LOG_LEVEL says otherwise.
logger.level = process.env.LOG_LEVEL || 'warn';

const realNow = clock.now;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await startTestCluster();
  },
  /** A test may move the clock as it likes: the next one starts on real time, whatever failed. */
  afterEach() {
    clock.now = realNow;
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopTestCluster();
  },
};
