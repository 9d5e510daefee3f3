import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type AsyncApiDocument } from './asyncapi-document';

const ROOT_ID = 'urn:tiersync:asyncapi';

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`);
}

/**
 * Strict mode: a misspelt keyword in the document fails the compile instead of silently validating nothing.
 */
export class AsyncApiValidator {
  private readonly ajv = new Ajv({
    allErrors: true,
    allowUnionTypes: true,
    strict: true,
    // `then: { required: [partner] }` names a property its parent declares, which strictRequired cannot see.
    strictRequired: false,
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: AsyncApiDocument) {
    addFormats(this.ajv);
    // The components are the only part of the document ajv reads; the keyword lets strict mode accept it.
    this.ajv.addKeyword({ keyword: 'components' });
    this.ajv.addSchema({ $id: ROOT_ID, components: document.root['components'] });
  }

  violations(ref: string, value: unknown): string[] {
    let validate = this.compiled.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `${ROOT_ID}${ref}` });
      this.compiled.set(ref, validate);
    }
    return validate(value) ? [] : describe(validate.errors);
  }

  payloadViolations(messageName: string, value: unknown): string[] {
    return this.violations(`#/components/messages/${messageName}/payload`, value);
  }
}
