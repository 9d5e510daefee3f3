import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { type KubernetesObject } from './kubernetes-object';

type Validate = (object: KubernetesObject) => void;

/** Each model types its own input; the object is what the schema check is for. */
function model(Model: new (data: never) => { validate(): void }): Validate {
  return (object) => {
    new Model(object as never).validate();
  };
}

const SCHEMAS: Readonly<Record<string, Validate>> = {
  'v1/ConfigMap': model(ConfigMap),
  'v1/Namespace': model(Namespace),
  'v1/Secret': model(Secret),
  'v1/Service': model(Service),
  'apps/v1/Deployment': model(Deployment),
  'batch/v1/CronJob': model(CronJob),
  'batch/v1/Job': model(Job),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'keda.sh/v1alpha1/ScaledObject': model(ScaledObject),
  'keda.sh/v1alpha1/TriggerAuthentication': model(TriggerAuthentication),
};

export function schemaProblems(object: KubernetesObject): string[] {
  const id = `${object.apiVersion}/${object.kind}`;
  const validate = SCHEMAS[id];
  if (!validate) {
    return [`${id} ${object.metadata.name}: no schema known for this kind`];
  }
  try {
    validate(object);
    return [];
  } catch (error) {
    return [`${id} ${object.metadata.name}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
