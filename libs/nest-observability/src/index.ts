export { ObservabilityModule, type AppMetrics } from './observability.module';
export { Readiness } from './readiness';
