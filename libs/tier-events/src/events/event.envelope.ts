import {
  AnyJsonField,
  EpochMillisField,
  NestedField,
  ObjectField,
  TextField,
} from '../validation/field.decorators';

/** The fields every Capillary event notification carries around `data` (docs/architecture.md, API fact 4). */
export class EventEnvelope {
  @TextField({ nonEmpty: true }) eventName!: string;
  @TextField({ nonEmpty: true }) eventId!: string;
  @AnyJsonField() orgId?: unknown;
  @AnyJsonField() refId?: unknown;
  @AnyJsonField() apiRequestId?: unknown;
  /** The trigger's occurredAt. */
  @EpochMillisField({ optional: true }) createdAt?: number | null;
  @AnyJsonField() loyaltyEventId?: unknown;
  @AnyJsonField() eventLogId?: unknown;
  @AnyJsonField() eventSearchKey?: unknown;
  @AnyJsonField() traceAttributes?: unknown;
}

export type EventEnvelopeFields = { readonly [K in keyof EventEnvelope]: EventEnvelope[K] };

export type EnvelopeWith<T> = EventEnvelope & { data: T };

export function envelopeWith<T extends object>(dataClass: new () => T): new () => EnvelopeWith<T> {
  class Envelope extends EventEnvelope {
    @NestedField(() => dataClass) data!: T;
  }
  return Envelope;
}

export class UnhandledEventEnvelope extends EventEnvelope {
  @ObjectField() data!: Record<string, unknown>;
}
