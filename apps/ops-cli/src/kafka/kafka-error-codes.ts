/** The broker error codes the group-coordinator requests can answer (apache/kafka Errors.java). */
const NAMES: Readonly<Record<number, string>> = {
  0: 'NONE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  12: 'OFFSET_METADATA_TOO_LARGE',
  14: 'COORDINATOR_LOAD_IN_PROGRESS',
  15: 'COORDINATOR_NOT_AVAILABLE',
  16: 'NOT_COORDINATOR',
  22: 'ILLEGAL_GENERATION',
  24: 'INVALID_GROUP_ID',
  25: 'UNKNOWN_MEMBER_ID',
  27: 'REBALANCE_IN_PROGRESS',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  30: 'GROUP_AUTHORIZATION_FAILED',
  69: 'GROUP_ID_NOT_FOUND',
};

export const KafkaErrorCode = {
  coordinatorLoading: 14,
  coordinatorNotAvailable: 15,
  notCoordinator: 16,
  illegalGeneration: 22,
  unknownMemberId: 25,
  rebalanceInProgress: 27,
} as const;

export function kafkaErrorName(code: number): string {
  return NAMES[code] ?? `KAFKA_ERROR_${code}`;
}

/** The coordinator moved or is still loading: ask again for it. */
export function isCoordinatorError(code: number): boolean {
  return (
    code === KafkaErrorCode.coordinatorLoading ||
    code === KafkaErrorCode.coordinatorNotAvailable ||
    code === KafkaErrorCode.notCoordinator
  );
}

/** What the broker answers an outside offset commit while the group has (or is getting) members. */
export function isGroupActiveError(code: number): boolean {
  return (
    code === KafkaErrorCode.unknownMemberId ||
    code === KafkaErrorCode.illegalGeneration ||
    code === KafkaErrorCode.rebalanceInProgress
  );
}
