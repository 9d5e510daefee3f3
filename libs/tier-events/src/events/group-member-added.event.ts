import { NestedField } from '../validation/field.decorators';
import { GroupMember } from './fields/group-member.fields';
import { GroupMemberEventBase } from './group-member-event.base';

export class GroupMemberAddedEvent extends GroupMemberEventBase {
  @NestedField(() => GroupMember) memberAdded!: GroupMember;
}
