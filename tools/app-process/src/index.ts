export { AppProcess, type AppProcessOptions } from './app-process';
