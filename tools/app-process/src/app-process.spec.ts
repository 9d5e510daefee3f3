import { AppProcess } from './app-process';

const ENTRY = 'tools/app-process/test/tiny-app.ts';

describe(AppProcess.name, () => {
  jest.setTimeout(30_000);
  const app = new AppProcess('tiny-app', { entry: ENTRY });

  afterEach(() => app.stop('SIGKILL'));

  it('starts the entry with only the given environment, finds its URL, and stops it gracefully', async () => {
    app.start({ PASSED: 'yes' });
    const url = await app.listeningUrl();
    await app.untilReady(url);
    expect(app.logs()).toContain('"tz":"UTC","passed":"yes","home":"none"');
    expect(await app.stop()).toBe(0);
    expect(app.logs()).toContain('drained');
  });

  it('can be started again after it stopped', async () => {
    app.start({});
    await app.stop();
    app.start({});
    await app.untilReady(await app.listeningUrl());
  });

  it('rejects with the output when the app exits before it is ready', async () => {
    app.start({ FAIL_AT_START: '1' });
    await expect(app.untilReady('http://127.0.0.1:9/')).rejects.toThrow(
      /tiny-app exited with 3:\ncannot start/,
    );
    expect(await app.exited()).toBe(3);
  });

  it('passes its arguments to a one-shot command and reports its exit code', async () => {
    const command = new AppProcess('tiny-cli', { entry: ENTRY, args: ['doctor', '--customer', '1'] });
    command.start({ FAIL_AT_START: '1' });
    expect(await command.exited()).toBe(3);
    expect(command.logs()).toBe('cannot start doctor --customer 1');
  });
});
