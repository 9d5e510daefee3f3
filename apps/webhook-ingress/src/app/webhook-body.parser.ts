import { type FastifyInstance } from 'fastify';

/**
 * application/json and structured-syntax JSON types such as application/cloudevents+json, with or without
 * parameters (Fastify tests the normalised header, `application/json; charset=utf-8`).
 */
const JSON_TYPES = /^application\/(?:[\w.-]+\+)?json(?=;|$)/;

/**
 * Replaces every Fastify body parser with one that keeps the JSON body as raw bytes: the service parses it
 * itself, because malformed JSON must reach the rejected topic verbatim instead of dying in Fastify. Other
 * content types find no parser and get Fastify's 415; bodies over the limit its 413 (mapped by the filter).
 */
export function registerWebhookBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { bodyLimit, parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}
