import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type JsonObject = Readonly<Record<string, unknown>>;

export const ASYNCAPI_PATH = path.resolve(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

export function readAsyncApiText(): string {
  return readFileSync(ASYNCAPI_PATH, 'utf8');
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The official parser validates the document; this view only reads it, so it can stay small. */
export class AsyncApiDocument {
  readonly root: JsonObject;

  constructor(text: string = readAsyncApiText()) {
    this.root = asObject(parse(text));
  }

  resolve(ref: string): JsonObject {
    let node: unknown = this.root;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = asObject(node)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    if (!isObject(node)) {
      throw new Error(`docs/asyncapi.yaml: ${ref} does not resolve to an object`);
    }
    return node;
  }

  deref(node: JsonObject): JsonObject {
    return typeof node['$ref'] === 'string' ? this.deref(this.resolve(node['$ref'])) : node;
  }

  section(...keys: string[]): Readonly<Record<string, JsonObject>> {
    const found = keys.reduce<JsonObject>((node, key) => asObject(node[key]), this.root);
    return Object.fromEntries(Object.entries(found).map(([name, value]) => [name, asObject(value)]));
  }

  get schemas(): Readonly<Record<string, JsonObject>> {
    return this.section('components', 'schemas');
  }

  get messages(): Readonly<Record<string, JsonObject>> {
    return this.section('components', 'messages');
  }

  get addresses(): ReadonlyMap<string, string> {
    const channels = Object.entries(this.section('channels'));
    return new Map(channels.map(([id, channel]) => [id, String(channel['address'])]));
  }

  headersRef(messageName: string): string | undefined {
    const message = this.messages[messageName] ?? {};
    if (message['headers'] !== undefined) {
      return `#/components/messages/${messageName}/headers`;
    }
    const traits = Array.isArray(message['traits']) ? (message['traits'] as unknown[]) : [];
    const refs = traits.map((trait) => String(asObject(trait)['$ref']));
    const withHeaders = refs.find((ref) => this.resolve(ref)['headers'] !== undefined);
    return withHeaders === undefined ? undefined : `${withHeaders}/headers`;
  }

  examples(messageName: string): readonly JsonObject[] {
    const examples = (this.messages[messageName] ?? {})['examples'];
    return Array.isArray(examples) ? examples.map(asObject) : [];
  }
}

export interface SchemaFields {
  readonly properties: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
  readonly conditionallyRequired: ReadonlySet<string>;
}

export function schemaParts(document: AsyncApiDocument, schema: JsonObject): JsonObject[] {
  const target = document.deref(schema);
  const composed = Array.isArray(target['allOf']) ? target['allOf'].map(asObject) : [];
  return [target, ...composed.flatMap((part) => schemaParts(document, part))];
}

export function schemaFields(document: AsyncApiDocument, schema: JsonObject): SchemaFields {
  const parts = schemaParts(document, schema);
  const branches = parts.flatMap((part) => [asObject(part['then']), asObject(part['else'])]);
  return {
    properties: new Set(parts.flatMap((part) => Object.keys(asObject(part['properties'])))),
    required: new Set(parts.flatMap((part) => asStrings(part['required']))),
    conditionallyRequired: new Set(branches.flatMap((branch) => asStrings(branch['required']))),
  };
}

export function propertySchema(document: AsyncApiDocument, schema: JsonObject, name: string): JsonObject {
  const declared = schemaParts(document, schema).map((part) => asObject(part['properties'])[name]);
  return asObject(declared.find((property) => property !== undefined));
}

function alternatives(document: AsyncApiDocument, schema: JsonObject): JsonObject[] {
  const parts = schemaParts(document, schema);
  const branches = parts.flatMap((part) => (Array.isArray(part['anyOf']) ? part['anyOf'].map(asObject) : []));
  return [...parts, ...branches.flatMap((branch) => schemaParts(document, branch))];
}

/**
 * The schemas accept extra fields (consumers must tolerate them), so this is how a misspelt field in an
 * example gets caught.
 */
export function undeclaredFields(
  document: AsyncApiDocument,
  schema: JsonObject,
  value: unknown,
  at = '',
): string[] {
  const options = alternatives(document, schema);
  if (Array.isArray(value)) {
    const items = options.map((option) => option['items']).find(isObject);
    return items ? value.flatMap((item, i) => undeclaredFields(document, items, item, `${at}[${i}]`)) : [];
  }
  const declared = Object.assign(
    {},
    ...options.map((option) => asObject(option['properties'])),
  ) as JsonObject;
  if (!isObject(value) || Object.keys(declared).length === 0) {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const property = declared[key];
    return isObject(property) ? undeclaredFields(document, property, item, `${at}.${key}`) : [`${at}.${key}`];
  });
}
