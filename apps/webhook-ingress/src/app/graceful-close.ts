import { type FastifyInstance } from 'fastify';

/**
 * Node's server.close() closes only the connections idle at that moment, and Fastify marks only requests
 * arriving later. A keep-alive connection whose webhook was in flight would then hold the shutdown for the
 * whole keep-alive timeout (72 s), so every answer sent while closing also closes its connection.
 */
export function closeConnectionsWhenClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) {
      void reply.header('connection', 'close');
    }
    done(null, payload);
  });
}
