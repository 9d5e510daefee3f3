import { parseMessage } from '@tiersync/tier-events';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Min } from 'class-validator';

/** One redrive as the ledger topic keeps it, keyed by deadLetterId. */
export class RedriveRecord {
  @IsUUID() deadLetterId!: string;
  /** Derived from deadLetterId (redriveCommandId), recorded so operators can trace the new command. */
  @IsUUID() commandId!: string;
  @IsInt() @Min(1) groupId!: number;
  @IsInt() @Min(0) redrivenAt!: number;
  /** Where the redriven command was written. */
  @IsString() @IsNotEmpty() commandTopic!: string;
  @IsInt() @Min(0) partition!: number;
  @Matches(/^\d+$/) offset!: string;
}

export function parseRedriveRecord(raw: unknown): RedriveRecord {
  return parseMessage(RedriveRecord, raw, RedriveRecord.name);
}
