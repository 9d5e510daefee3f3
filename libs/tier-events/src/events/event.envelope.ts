import {
  EpochMillisField,
  IdField,
  NestedField,
  ObjectField,
  TextField,
} from '../validation/field.decorators';

/** The fields every Capillary event notification carries around `data` (docs/architecture.md, API fact 4). */
export class EventEnvelope {
  @TextField({ nonEmpty: true }) eventName!: string;
  @TextField({ nonEmpty: true }) eventId!: string;
  @IdField({ optional: true }) orgId?: number | null;
  @TextField({ optional: true }) refId?: string | null;
  @TextField({ optional: true }) apiRequestId?: string | null;
  @EpochMillisField({ optional: true }) createdAt?: number | null;
  @TextField({ optional: true }) loyaltyEventId?: string | null;
  @IdField({ optional: true }) eventLogId?: number | null;
  @TextField({ optional: true }) eventSearchKey?: string | null;
  @ObjectField({ optional: true }) traceAttributes?: Record<string, unknown> | null;
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
