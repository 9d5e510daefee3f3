/** A Kubernetes object as read from a manifest; the schemas say what else it holds. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    [source: string]: unknown;
  };
}

export interface EnvFromSource {
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
  prefix?: string;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  [field: string]: unknown;
}

export function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  const spec = object['spec'] as Record<string, unknown> | undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'Job':
      return (spec?.['template'] as { spec?: PodSpec } | undefined)?.spec;
    case 'CronJob':
      return (spec?.['jobTemplate'] as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec
        ?.template?.spec;
    default:
      return undefined;
  }
}

export function containersOf(object: KubernetesObject): Container[] {
  const pod = podSpecOf(object);
  return pod ? [...(pod.initContainers ?? []), ...pod.containers] : [];
}

export function find(
  objects: readonly KubernetesObject[],
  kind: string,
  name: string,
): KubernetesObject | undefined {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}
