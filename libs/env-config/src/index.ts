export { ConfigValidationError } from './config-validation.error';
export { BoolVar, IntVar, ListVar, type BoolVarOptions } from './env-var.decorators';
export {
  LOG_LEVEL_NAMES,
  LogLevelVar,
  nestLogLevels,
  type LogLevelName,
  type NestLogLevel,
} from './log-level';
export { environmentValidator, validateEnvironment, type EnvSource } from './validate-environment';
