import { type DoctorCheck, type DoctorStep, type Verdict } from './doctor.report';

export class CheckList {
  readonly checks: DoctorCheck[] = [];

  ok(step: DoctorStep, message: string): void {
    this.add(step, 'ok', message);
  }

  warn(step: DoctorStep, message: string): void {
    this.add(step, 'warn', message);
  }

  fail(step: DoctorStep, message: string): void {
    this.add(step, 'fail', message);
  }

  failed(step?: DoctorStep): boolean {
    return this.checks.some((c) => c.verdict === 'fail' && (step === undefined || c.step === step));
  }

  private add(step: DoctorStep, verdict: Verdict, message: string): void {
    this.checks.push({ step, verdict, message });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
