import { IntField } from '../validation/field.decorators';
import { TierEventBase } from './tier-event.base';

export class TierDowngradedEvent extends TierEventBase {
  @IntField({ min: 0, optional: true }) previousTierNumber?: number | null;
  @IntField({ min: 1 }) downgradedTierNumber!: number;
}
