export { EventEnvelope, type EventEnvelopeFields } from './events/event.envelope';
export { CustomerIdentifiers, EntityInformation } from './events/fields/customer.fields';
export { GroupMember } from './events/fields/group-member.fields';
export { LoyaltyProgramDetails, TierName } from './events/fields/loyalty-program.fields';
export { GroupMemberAddedEvent } from './events/group-member-added.event';
export { GroupMemberEventBase } from './events/group-member-event.base';
export { GroupMemberRemovedEvent } from './events/group-member-removed.event';
export {
  CustomerPartnerProgramDetails,
  PartnerProgramUpdatedEvent,
} from './events/partner-program-updated.event';
export { TierDowngradedEvent } from './events/tier-downgraded.event';
export { TierEventBase } from './events/tier-event.base';
export { TierRenewedEvent } from './events/tier-renewed.event';
export { TierUpgradedEvent } from './events/tier-upgraded.event';
export {
  MAX_VIOLATIONS_HEADER_CHARS,
  boundedViolations,
  webhookEventRecord,
  type DeliveryMeta,
  type WebhookEventRecord,
} from './intake/webhook-event-record';
export { readWebhook, type SchemaVerdict, type WebhookIntake } from './intake/webhook-intake';
export {
  CUSTOMER_ROLES,
  CustomerRole,
  ROLE_SOURCES,
  createCustomerRole,
  parseCustomerRole,
  type CustomerRoleInit,
  type CustomerRoleKind,
  type RoleSource,
} from './messages/customer-role.message';
export {
  DeadLetter,
  KafkaSource,
  createDeadLetter,
  parseDeadLetter,
  type DeadLetterInit,
} from './messages/dead-letter.message';
export { COMMAND_KINDS, GroupMessageBase, type CommandKind } from './messages/group-message.base';
export {
  GroupSyncCommand,
  createGroupSyncCommand,
  parseGroupSyncCommand,
  type GroupSyncCommandInit,
} from './messages/group-sync-command.message';
export {
  MESSAGE_SCHEMA_VERSION,
  messageCodec,
  type MessageCodec,
  type MessageInit,
  type Plain,
} from './messages/message-codec';
export {
  IntendedAdjustment,
  SyncJournalIntent,
  createSyncJournalIntent,
  parseSyncJournalIntent,
  type SyncJournalIntentInit,
} from './messages/sync-journal.message';
export {
  AppliedBy,
  MEMBER_ACTIONS,
  MEMBER_OUTCOMES,
  MemberSyncResult,
  MemberTier,
  SYNC_OUTCOMES,
  SyncResult,
  createSyncResult,
  parseSyncResult,
  type MemberAction,
  type MemberOutcome,
  type SyncOutcome,
  type SyncResultInit,
} from './messages/sync-result.message';
export {
  PROVENANCE_SOURCES,
  PartnerUpdate,
  Provenance,
  SYNC_ACTIONS,
  SyncError,
  SyncTrigger,
  type ProvenanceSource,
  type SyncAction,
} from './messages/sync.fields';
export { EVENT_SCHEMA_VERSION, eventKey, eventKindOf, unparsedEventKey } from './parse/event-key';
export { classValidatorParseEvent, parseEvent, toEventBody, unwrapLegacyBody } from './parse/parse-event';
export type {
  EventKind,
  ParsedEvent,
  ParsedEventOf,
  ParsedGroupEvent,
  ParsedGroupMemberAdded,
  ParsedGroupMemberRemoved,
  ParsedPartnerProgramUpdated,
  ParsedTierDowngraded,
  ParsedTierEvent,
  ParsedTierRenewed,
  ParsedTierUpgraded,
  ParsedUnknownEvent,
} from './parse/parsed-event';
export { capillarySamples } from './samples/capillary.samples';
export { tierChangeOf, type TierAction, type TierChange } from './tiers/tier-change';
export { tierNameOf, type ProgramTierLookup } from './tiers/tier-name';
export { redriveLedgerSpec, topicSpecs, type TopicSettings, type TopicSpec } from './topic-specs';
export { DEFAULT_TOPIC_PREFIX, TOPIC_SUFFIXES, topicNames, type TopicMap, type TopicRole } from './topics';
export {
  AnyJsonField,
  BooleanField,
  ConstantField,
  EpochMillisField,
  IdField,
  IdListField,
  IntField,
  ListField,
  NestedField,
  NumberField,
  ObjectField,
  OneOfField,
  ScalarField,
  TextField,
  UuidField,
  type FieldOptions,
  type TextOptions,
} from './validation/field.decorators';
export { InvalidEventError, type Violation } from './validation/invalid-event.error';
export { classValidatorParseMessage, parseMessage, type MessageParser } from './validation/parse-message';
export { WEBHOOK_HEADERS } from './webhook-headers';
