import { createServer } from 'node:http';

// Logs its URL as the real apps do, so AppProcess can be tested without booting one.
if (process.env['FAIL_AT_START'] !== undefined) {
  console.log(`cannot start ${process.argv.slice(2).join(' ')}`.trimEnd());
  process.exit(3);
}
const server = createServer((_request, response) => {
  response.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const env = { tz: process.env['TZ'], passed: process.env['PASSED'], home: process.env['HOME'] ?? 'none' };
  console.log(JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${port}`, ...env }));
});
process.once('SIGTERM', () => {
  server.close(() => {
    console.log('drained');
    process.exit(0);
  });
});
