import { parseMessage } from '@tiersync/tier-events';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Min } from 'class-validator';

export class RedriveRecord {
  @IsUUID() deadLetterId!: string;
  @IsUUID() commandId!: string;
  @IsInt() @Min(1) groupId!: number;
  @IsInt() @Min(0) redrivenAt!: number;
  @IsString() @IsNotEmpty() commandTopic!: string;
  @IsInt() @Min(0) partition!: number;
  @Matches(/^\d+$/) offset!: string;
}

export function parseRedriveRecord(raw: unknown): RedriveRecord {
  return parseMessage(RedriveRecord, raw, RedriveRecord.name);
}
