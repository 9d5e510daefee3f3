// The fast path reads class-transformer's unexported metadata singleton so that decorators stay the only
// description of a class; hence class-transformer is pinned exactly in package.json. The package's own
// typings omit that the finders return undefined when nothing is registered.
declare module 'class-transformer/cjs/storage' {
  import type {
    ExcludeMetadata,
    ExposeMetadata,
    TransformationType,
    TransformMetadata,
    TypeMetadata,
  } from 'class-transformer';

  type Target = abstract new (...args: never) => unknown;

  interface TransformerMetadataStorage {
    findTransformMetadatas(
      target: Target,
      propertyName: string,
      transformationType: TransformationType,
    ): TransformMetadata[];
    findExcludeMetadata(target: Target, propertyName: string): ExcludeMetadata | undefined;
    findExposeMetadata(target: Target, propertyName: string): ExposeMetadata | undefined;
    findTypeMetadata(target: Target, propertyName: string): TypeMetadata | undefined;
    getStrategy(target: Target): 'excludeAll' | 'exposeAll' | 'none';
    getExposedMetadatas(target: Target): ExposeMetadata[];
  }

  export const defaultMetadataStorage: TransformerMetadataStorage;
}

declare module 'class-transformer/cjs/constants/default-options.constant' {
  import type { ClassTransformOptions } from 'class-transformer';

  export const defaultOptions: ClassTransformOptions;
}
