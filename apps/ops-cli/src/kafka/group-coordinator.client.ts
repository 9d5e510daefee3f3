import {
  findCoordinatorRequest,
  leaveGroupRequest,
  offsetCommitRequest,
  parseFindCoordinator,
  parseLeaveGroup,
  parseOffsetCommit,
  type WireRequest,
} from './group-protocol';
import { isCoordinatorError, isGroupActiveError, kafkaErrorName } from './kafka-error-codes';
import { WireConnection } from './wire-connection';

/** The broker refused to change offsets because the group has members. */
export class GroupActiveError extends Error {
  constructor(groupId: string, code: number) {
    super(`group ${groupId} is not empty (broker answered ${kafkaErrorName(code)})`);
    this.name = GroupActiveError.name;
  }
}

export interface GroupCoordinatorOptions {
  brokers: readonly string[];
  clientId: string;
  timeoutMs?: number;
}

const COORDINATOR_ATTEMPTS = 5;

/**
 * Talks to a consumer group's coordinator directly, over a plaintext connection (tiersync's kafkajs
 * connection has no TLS/SASL either): removes members and commits offsets from outside the group.
 */
export class GroupCoordinatorClient {
  constructor(private readonly options: GroupCoordinatorOptions) {}

  /** Removes members by id (LeaveGroup v3, KIP-345). Returns the ids the broker no longer knew. */
  async removeMembers(groupId: string, memberIds: readonly string[]): Promise<string[]> {
    if (memberIds.length === 0) {
      return [];
    }
    const answer = await this.call(groupId, leaveGroupRequest(groupId, memberIds), parseLeaveGroup, (a) => [
      a.errorCode,
    ]);
    if (answer.errorCode !== 0) {
      throw new Error(`LeaveGroup for ${groupId} failed: ${kafkaErrorName(answer.errorCode)}`);
    }
    const failed = answer.members.filter((m) => m.errorCode !== 0);
    const other = failed.find((m) => !isGroupActiveError(m.errorCode));
    if (other) {
      throw new Error(`removing ${other.memberId} failed: ${kafkaErrorName(other.errorCode)}`);
    }
    return failed.map((m) => m.memberId);
  }

  /** Commits offsets as "no member"; the broker only accepts that while the group is empty. */
  async commitOffsets(
    groupId: string,
    topic: string,
    offsets: readonly { partition: number; offset: number }[],
  ): Promise<void> {
    const request = offsetCommitRequest(groupId, topic, offsets);
    const answer = await this.call(groupId, request, parseOffsetCommit, (a) => a.map((p) => p.errorCode));
    const failed = answer.find((p) => p.errorCode !== 0);
    if (failed && isGroupActiveError(failed.errorCode)) {
      throw new GroupActiveError(groupId, failed.errorCode);
    }
    if (failed) {
      throw new Error(
        `commit to ${topic}[${failed.partition}] for ${groupId} failed: ${kafkaErrorName(failed.errorCode)}`,
      );
    }
  }

  /** Sends a request to the group's coordinator, finding it again when it moved. */
  private async call<T>(
    groupId: string,
    request: WireRequest,
    parse: (body: Buffer) => T,
    errorCodes: (answer: T) => number[],
  ): Promise<T> {
    let lastError = 'no attempt';
    for (let attempt = 1; attempt <= COORDINATOR_ATTEMPTS; attempt++) {
      const coordinator = await this.findCoordinator(groupId);
      const connection = await WireConnection.open(coordinator, this.options.clientId, this.timeoutMs);
      try {
        const answer = parse(await connection.send(request));
        const moved = errorCodes(answer).find(isCoordinatorError);
        if (moved === undefined) {
          return answer;
        }
        lastError = kafkaErrorName(moved);
      } finally {
        connection.close();
      }
      await sleep(100 * attempt);
    }
    throw new Error(`coordinator of ${groupId} unavailable: ${lastError}`);
  }

  private async findCoordinator(groupId: string): Promise<{ host: string; port: number }> {
    let lastError = 'no broker answered';
    for (let attempt = 1; attempt <= COORDINATOR_ATTEMPTS; attempt++) {
      for (const broker of this.options.brokers) {
        try {
          const connection = await WireConnection.open(
            parseAddress(broker),
            this.options.clientId,
            this.timeoutMs,
          );
          try {
            const answer = parseFindCoordinator(await connection.send(findCoordinatorRequest(groupId)));
            if (answer.errorCode === 0) {
              return { host: answer.host, port: answer.port };
            }
            lastError = answer.errorMessage ?? kafkaErrorName(answer.errorCode);
          } finally {
            connection.close();
          }
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
        }
      }
      await sleep(100 * attempt);
    }
    throw new Error(`cannot find the coordinator of ${groupId}: ${lastError}`);
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000;
  }
}

export function parseAddress(broker: string): { host: string; port: number } {
  const colon = broker.lastIndexOf(':');
  const port = Number(broker.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`invalid broker address "${broker}" (expected host:port)`);
  }
  return { host: broker.slice(0, colon).replace(/^\[|\]$/g, ''), port };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
