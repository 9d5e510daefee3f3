import { AnyJsonField, IntField } from '../validation/field.decorators';
import { TierEventBase } from './tier-event.base';

export class TierUpgradedEvent extends TierEventBase {
  @IntField({ min: 0, optional: true }) previousTierNumber?: number | null;
  @IntField({ min: 1 }) upgradedTierNumber!: number;
  @AnyJsonField() upgradeType?: unknown;
}
