import { parseMessage } from '@tiersync/tier-events';
import { IsInt, IsNotEmpty, IsString, Matches, Min } from 'class-validator';

export const REJECTED_REDRIVES_SUFFIX = 'rejected-redrives.v1';

/** One rejected or quarantined webhook `ops rejected redrive` published again. Key = sourceId. */
export class RejectedRedriveRecord {
  /** `topic:partition:offset` of the kept record. */
  @Matches(/^[\w.-]+:\d+:\d+$/) sourceId!: string;
  @IsString() @IsNotEmpty() eventId!: string;
  @IsInt() @Min(0) redrivenAt!: number;
  @IsString() @IsNotEmpty() eventTopic!: string;
  @IsInt() @Min(0) partition!: number;
  @Matches(/^\d+$/) offset!: string;
}

export function parseRejectedRedriveRecord(raw: unknown): RejectedRedriveRecord {
  return parseMessage(RejectedRedriveRecord, raw, RejectedRedriveRecord.name);
}
