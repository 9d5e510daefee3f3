import { NestedField } from '../validation/field.decorators';
import { GroupMember } from './fields/group-member.fields';
import { GroupMemberEventBase } from './group-member-event.base';

export class GroupMemberRemovedEvent extends GroupMemberEventBase {
  @NestedField(() => GroupMember) memberRemoved!: GroupMember;
}
