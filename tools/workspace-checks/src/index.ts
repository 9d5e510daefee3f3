export { describeConfigReference, type ConfigReference } from './config-reference';
export { documentedVariables, type DocumentedVariable } from './configuration-doc';
