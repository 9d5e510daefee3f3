import {
  BooleanField,
  EpochMillisField,
  IdField,
  IntField,
  NestedField,
  TextField,
} from '../validation/field.decorators';

/** One `fleetGroupUsers[]` row of `GET /v2/userGroup2`, with its unambiguous `active`. */
export class GroupSnapshotMember {
  @IdField() userId!: number;
  @BooleanField() primaryMember!: boolean;
  @BooleanField() active!: boolean;
}

/** The part of a group read that decides who is synced, as the router read it at `readAt`. */
export class GroupSnapshot {
  @EpochMillisField() readAt!: number;
  @TextField({ nonEmpty: true }) groupStatus!: string;
  @IntField({ min: 0, optional: true }) totalActiveMembers?: number;
  @NestedField(() => GroupSnapshotMember, { each: true }) members!: GroupSnapshotMember[];
}
