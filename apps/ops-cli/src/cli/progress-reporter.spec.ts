import { Output } from './output';
import { ProgressReporter } from './progress-reporter';

describe(ProgressReporter.name, () => {
  it('reports at most once per interval on stderr, and always at the end', () => {
    const err: string[] = [];
    const out: string[] = [];
    let now = 0;
    const output = new Output({ stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, false);
    const progress = new ProgressReporter(output, 'reading', 10, 1_000, () => now);
    progress.step();
    now = 1_000;
    progress.step(2);
    now = 1_500;
    progress.step();
    progress.finish('done');
    expect(err).toEqual(['reading: 3/10\n', 'reading: 4/10 done\n']);
    expect(out).toEqual([]);
  });

  it('is silent with --quiet', () => {
    const err: string[] = [];
    const output = new Output({ stdout: () => undefined, stderr: (s) => err.push(s) }, true, true);
    new ProgressReporter(output, 'x').finish();
    output.warn('still shown');
    expect(err).toEqual(['warning: still shown\n']);
  });
});
