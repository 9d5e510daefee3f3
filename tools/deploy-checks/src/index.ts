export { deployProblems } from './deploy-checks';
export { DEPLOY_DIR, deployRenders } from './deploy-paths';
export { type KubernetesObject } from './kubernetes-object';
export { KustomizeRenderError, renderKustomization } from './kustomize-render';
