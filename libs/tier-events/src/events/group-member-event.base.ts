import { AnyJsonField, IdField, NestedField } from '../validation/field.decorators';
import { GroupMember } from './fields/group-member.fields';

/** The fields groupMemberAdded and groupMemberRemoved share (docs/architecture.md, API fact 7). */
export abstract class GroupMemberEventBase {
  @IdField() groupId!: number;
  @AnyJsonField() groupName?: unknown;
  @NestedField(() => GroupMember, { optional: true }) primaryMember?: GroupMember | null;
  @AnyJsonField() enteredAt?: unknown;
  /** A user id of 0 or -1 (a system action) is real: Capillary sends it. */
  @AnyJsonField() enteredBy?: unknown;
}
