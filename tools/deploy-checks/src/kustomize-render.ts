import { applyPatch, type Operation } from 'fast-json-patch';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { containersOf, type KubernetesObject } from './kubernetes-object';

/** No kustomize renderer runs on Node; other fields are refused, so a pass matches `kubectl kustomize`. */
interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string; target: { kind: string; name: string } }[];
}

const FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTriggerAuthentication',
]);

export class KustomizeRenderError extends Error {}

export function renderKustomization(dir: string): KubernetesObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((field) => !FIELDS.has(field));
  if (unsupported.length > 0) {
    throw new KustomizeRenderError(`${file}: ${unsupported.join(', ')} not supported by this renderer`);
  }
  let objects = (kustomization.resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    return statSync(target).isDirectory() ? renderKustomization(target) : readObjects(target);
  });
  for (const patch of kustomization.patches ?? []) {
    objects = applyJsonPatch(objects, dir, patch);
  }
  for (const image of kustomization.images ?? []) {
    setImage(objects, image);
  }
  const namespace = kustomization.namespace;
  if (namespace !== undefined) {
    objects
      .filter((object) => !CLUSTER_SCOPED.has(object.kind))
      .forEach((object) => (object.metadata.namespace = namespace));
  }
  return objects;
}

function readObjects(file: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length > 0) {
      throw new KustomizeRenderError(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    }
    return document.toJS() as KubernetesObject;
  });
}

function applyJsonPatch(
  objects: KubernetesObject[],
  dir: string,
  patch: NonNullable<Kustomization['patches']>[number],
): KubernetesObject[] {
  const { kind, name, ...selectors } = patch.target;
  const extra = [...Object.keys(patch), ...Object.keys(selectors)].filter(
    (field) => !['path', 'target'].includes(field),
  );
  if (extra.length > 0) {
    throw new KustomizeRenderError(`${dir}: patch fields ${extra.join(', ')} not supported by this renderer`);
  }
  const operations = parse(readFileSync(path.join(dir, patch.path), 'utf8')) as unknown;
  if (!Array.isArray(operations)) {
    throw new KustomizeRenderError(`${patch.path}: only JSON 6902 patches (a list of operations)`);
  }
  const matches = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  if (matches.length !== 1) {
    throw new KustomizeRenderError(`${patch.path}: ${matches.length} objects are ${kind}/${name}`);
  }
  return objects.map((object) =>
    object === matches[0]
      ? applyPatch(structuredClone(object), operations as Operation[], true, false).newDocument
      : object,
  );
}

function setImage(objects: KubernetesObject[], image: NonNullable<Kustomization['images']>[number]): void {
  for (const container of objects.flatMap(containersOf)) {
    const [name, tag] = splitImage(container.image ?? '');
    if (name === image.name) {
      const newTag = image.newTag ?? tag;
      container.image = `${image.newName ?? name}${newTag === undefined ? '' : `:${newTag}`}`;
    }
  }
}

/** `repo/name:tag` -> [`repo/name`, `tag`]; a registry port (`host:5000/name`) is not a tag. */
function splitImage(image: string): [string, string | undefined] {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}
