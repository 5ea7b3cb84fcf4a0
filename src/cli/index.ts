export { main, type Io, EXIT_OK, EXIT_ERRORS, EXIT_USAGE } from './main.js';
