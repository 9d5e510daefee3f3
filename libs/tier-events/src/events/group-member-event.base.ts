import { IdField, NestedField, ScalarField, TextField } from '../validation/field.decorators';
import { EnteredBy } from './fields/activity.fields';
import { GroupMember } from './fields/group-member.fields';

/** The fields groupMemberAdded and groupMemberRemoved share (docs/architecture.md, API fact 7). */
export abstract class GroupMemberEventBase {
  @IdField() groupId!: number;
  @TextField({ optional: true }) groupName?: string | null;
  @NestedField(() => GroupMember, { optional: true }) primaryMember?: GroupMember | null;
  /** Only samples with random values are published: epoch millis or text are both accepted. */
  @ScalarField({ optional: true }) enteredAt?: number | string | null;
  @NestedField(() => EnteredBy, { optional: true }) enteredBy?: EnteredBy | null;
}
