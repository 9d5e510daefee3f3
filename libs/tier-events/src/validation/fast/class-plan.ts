import {
  TransformationType,
  type TransformFnParams,
  type TypeHelpOptions,
  type TypeMetadata,
} from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  getMetadataStorage,
  ValidationTypes,
  type MetadataStorage,
  type ValidationArguments,
} from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
export type Constructor = new () => object;

export interface PlannedRule {
  readonly validate: (value: unknown, args: ValidationArguments) => unknown;
  readonly constraints: unknown[];
}

export interface PropertyPlan {
  readonly name: string;
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  readonly rules: readonly PlannedRule[];
  readonly nested: boolean;
  readonly type: ((options: TypeHelpOptions) => unknown) | undefined;
  readonly transforms: readonly ((params: TransformFnParams) => unknown)[];
}

export interface ClassPlan {
  readonly cls: Constructor;
  readonly name: string;
  readonly properties: ReadonlyMap<string, PropertyPlan>;
}

// What the fast path reproduces exactly; anything else (IS_DEFINED, `each`, async rules, @Expose,
// discriminators, Set/Map) leaves the class without a plan, and the slow path decides.
const SUPPORTED = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
]);

function hasGroups(metadata: { readonly groups?: readonly string[] | undefined }): boolean {
  return metadata.groups !== undefined && metadata.groups.length > 0;
}

function plannedRules(metadatas: readonly ValidationMetadata[]): PlannedRule[] | undefined {
  const rules: PlannedRule[] = [];
  for (const metadata of metadatas) {
    if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION) {
      continue;
    }
    if (metadata.each) {
      return undefined;
    }
    for (const constraint of getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)) {
      if (constraint.async) {
        return undefined; // validateSync ignores async rules; not worth mirroring
      }
      const instance = constraint.instance;
      rules.push({
        validate: (value, args) => instance.validate(value, args),
        constraints: metadata.constraints,
      });
    }
  }
  return rules;
}

function isPlainNesting(metadata: TypeMetadata, transforms: number): boolean {
  const reflected: unknown = metadata.reflectedType;
  const collection =
    typeof reflected === 'function' &&
    (reflected === Set ||
      reflected === Map ||
      reflected.prototype instanceof Set ||
      reflected.prototype instanceof Map);
  return !collection && metadata.options.discriminator === undefined && transforms === 0;
}

function transformPlan(
  cls: Constructor,
  name: string,
): Pick<PropertyPlan, 'transforms' | 'type'> | undefined {
  const storage = defaultMetadataStorage;
  if (
    storage.findExposeMetadata(cls, name) !== undefined ||
    storage.findExcludeMetadata(cls, name) !== undefined
  ) {
    return undefined;
  }
  const typeMetadata = storage.findTypeMetadata(cls, name);
  // plainToInstance without groups (nor a version) skips grouped transforms and keeps all others.
  const transforms = storage
    .findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS)
    .filter((metadata) => !hasGroups(metadata.options));
  if (typeMetadata !== undefined && !isPlainNesting(typeMetadata, transforms.length)) {
    return undefined;
  }
  return {
    type: typeMetadata === undefined ? undefined : (options) => typeMetadata.typeFunction(options),
    transforms: transforms.map((metadata) => metadata.transformFn),
  };
}

function propertyPlan(cls: Constructor, name: string, metadatas: readonly ValidationMetadata[]) {
  // class-transformer skips names the prototype defines (getters, methods); keepUndeclared would add them.
  if (name in Object.prototype || Object.getOwnPropertyDescriptor(cls.prototype, name) !== undefined) {
    return undefined;
  }
  if (metadatas.some((metadata) => !SUPPORTED.has(metadata.type))) {
    return undefined;
  }
  const rules = plannedRules(metadatas);
  const transform = transformPlan(cls, name);
  if (rules === undefined || transform === undefined) {
    return undefined;
  }
  const plan: PropertyPlan = {
    name,
    conditions: metadatas
      .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((metadata) => metadata.constraints[0] as (object: object, value: unknown) => boolean),
    rules,
    nested: metadatas.some((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION),
    ...transform,
  };
  return plan;
}

function compile(cls: Constructor): ClassPlan | undefined {
  const storage = defaultMetadataStorage;
  if (storage.getStrategy(cls) !== 'none' || storage.getExposedMetadatas(cls).length > 0) {
    return undefined;
  }
  // Exactly the list ValidationExecutor asks for (no groups, `always` off), built once instead of per object.
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false);
  if (metadatas.length === 0) {
    return undefined; // forbidUnknownValues: an instance of such a class never validates
  }
  const byName = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    byName.set(metadata.propertyName, [...(byName.get(metadata.propertyName) ?? []), metadata]);
  }
  const properties = new Map<string, PropertyPlan>();
  for (const [name, own] of byName) {
    const plan = propertyPlan(cls, name, own);
    if (plan === undefined) {
      return undefined;
    }
    properties.set(name, plan);
  }
  return { cls, name: cls.name, properties };
}

const plans = new WeakMap<Constructor, ClassPlan | null>();

/** Once per class: rebuilding the metadata per call costs a fifth of parseEvent. */
export function classPlan(cls: Constructor): ClassPlan | undefined {
  let plan = plans.get(cls);
  if (plan === undefined) {
    plan = compile(cls) ?? null;
    plans.set(cls, plan);
  }
  return plan ?? undefined;
}
