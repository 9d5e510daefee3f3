import * as tierEvents from '@tiersync/tier-events';
import { getMetadataStorage, IS_OPTIONAL, ValidationTypes } from 'class-validator';
import { type SchemaFields } from './asyncapi-document';

type ValidatedClass = abstract new (...args: never[]) => object;

function metadataOf(cls: ValidatedClass) {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
}

export function classFields(cls: ValidatedClass): SchemaFields {
  const metadata = metadataOf(cls);
  const conditional = metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
  const optional = new Set(conditional.filter((m) => m.name === IS_OPTIONAL).map((m) => m.propertyName));
  const conditionallyRequired = new Set(
    conditional.filter((m) => m.name !== IS_OPTIONAL).map((m) => m.propertyName),
  );
  const properties = new Set(metadata.map((m) => m.propertyName));
  const required = new Set(
    [...properties].filter((name) => !optional.has(name) && !conditionallyRequired.has(name)),
  );
  return { properties, required, conditionallyRequired };
}

function isValidatedClass(value: unknown): value is ValidatedClass {
  return typeof value === 'function' && metadataOf(value as ValidatedClass).length > 0;
}

/**
 * A class added to @tiersync/tier-events without a schema in docs/asyncapi.yaml then fails the contract test.
 */
export function tierEventsClasses(): ReadonlyMap<string, ValidatedClass> {
  const classes = Object.entries(tierEvents).filter(([, value]) => isValidatedClass(value));
  return new Map(classes as [string, ValidatedClass][]);
}

export function fieldDifferences(inSchema: SchemaFields, inClass: SchemaFields) {
  const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((x) => !b.has(x)).sort();
  return {
    propertiesOnlyInSchema: minus(inSchema.properties, inClass.properties),
    propertiesOnlyInClass: minus(inClass.properties, inSchema.properties),
    requiredOnlyInSchema: minus(inSchema.required, inClass.required),
    requiredOnlyInClass: minus(inClass.required, inSchema.required),
    conditionalOnlyInSchema: minus(inSchema.conditionallyRequired, inClass.conditionallyRequired),
    conditionalOnlyInClass: minus(inClass.conditionallyRequired, inSchema.conditionallyRequired),
  };
}
