export { ConfigValidationError } from '@tiersync/env-config';
export { createIngressApp } from './app/ingress-app.factory';
export { type IngressAppOptions } from './app/ingress-app.module';
export { loadIngressConfig, type IngressConfig } from './config/ingress.config';
export { type OutgoingRecord, type RecordSink } from './publishing/record-sink';
