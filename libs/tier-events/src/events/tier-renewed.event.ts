import { AnyJsonField, IntField } from '../validation/field.decorators';
import { TierEventBase } from './tier-event.base';

export class TierRenewedEvent extends TierEventBase {
  @IntField({ min: 1 }) currentTierNumber!: number;
  @AnyJsonField() renewType?: unknown;
}
