import { type FastifyInstance } from 'fastify';

const JSON_TYPES = /^application\/(?:[\w.-]+\+)?json(?=;|$)/;

/** Raw bytes: malformed JSON must reach the rejected topic verbatim instead of dying in Fastify. */
export function registerWebhookBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { bodyLimit, parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}
