import { IntField, TextField } from '../validation/field.decorators';
import { TierEventBase } from './tier-event.base';

export class TierRenewedEvent extends TierEventBase {
  @IntField({ min: 1 }) currentTierNumber!: number;
  @TextField({ optional: true }) renewType?: string | null;
}
