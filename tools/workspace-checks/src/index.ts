export { describeConfigReference, type ConfigReference } from './config-reference';
