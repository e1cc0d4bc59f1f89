// For the knex command line; the app, the operator tools and the tests use the same settings.
import { loadConfig } from './server/config.js';
import { knexConfig } from './server/data/connection.js';

export default knexConfig(loadConfig().database);
