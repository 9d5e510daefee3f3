import { type Container, find, type KubernetesObject } from './kubernetes-object';

export type EnvValue = { value: string } | { secret: string };

export interface ContainerEnvironment {
  variables: Map<string, EnvValue>;
  problems: string[];
}

/** Secret values are unknown here: each must be a secretKeyRef, so its variables are checked without it. */
export function containerEnvironment(
  container: Container,
  objects: readonly KubernetesObject[],
): ContainerEnvironment {
  const variables = new Map<string, EnvValue>();
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      problems.push(`envFrom Secret ${source.secretRef.name}: name each secret variable with a secretKeyRef`);
    }
    if (source.prefix !== undefined) {
      problems.push('envFrom with a prefix is not checked: set the variables by their full names');
    }
    if (source.configMapRef) {
      const data = configMapData(objects, source.configMapRef.name);
      if (data === undefined) {
        problems.push(`ConfigMap ${source.configMapRef.name} is not in the render`);
      }
      Object.entries(data ?? {}).forEach(([name, value]) => variables.set(name, { value }));
    }
  }
  for (const variable of container.env ?? []) {
    const configRef = variable.valueFrom?.configMapKeyRef;
    const secretRef = variable.valueFrom?.secretKeyRef;
    if (variable.value !== undefined) {
      variables.set(variable.name, { value: variable.value });
    } else if (configRef) {
      const value = configMapData(objects, configRef.name)?.[configRef.key];
      if (value === undefined) {
        problems.push(`${variable.name}: ConfigMap ${configRef.name} has no key ${configRef.key}`);
      }
      variables.set(variable.name, { value: value ?? '' });
    } else if (secretRef) {
      const secret = find(objects, 'Secret', secretRef.name);
      if (secret && !secretKeys(secret).includes(secretRef.key)) {
        problems.push(`${variable.name}: Secret ${secretRef.name} has no key ${secretRef.key}`);
      }
      variables.set(variable.name, { secret: `${secretRef.name}/${secretRef.key}` });
    } else {
      problems.push(`${variable.name}: only values, ConfigMap keys and Secret keys are checked`);
    }
  }
  return { variables, problems };
}

function configMapData(
  objects: readonly KubernetesObject[],
  name: string,
): Record<string, string> | undefined {
  const configMap = find(objects, 'ConfigMap', name);
  return configMap ? ((configMap['data'] as Record<string, string> | undefined) ?? {}) : undefined;
}

function secretKeys(secret: KubernetesObject): string[] {
  return [
    ...Object.keys((secret['data'] as object | undefined) ?? {}),
    ...Object.keys((secret['stringData'] as object | undefined) ?? {}),
  ];
}
