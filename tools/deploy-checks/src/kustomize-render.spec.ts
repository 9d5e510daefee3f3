import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KustomizeRenderError, renderKustomization } from './kustomize-render';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: app }
spec:
  selector: { matchLabels: { app: a } }
  template:
    metadata: { labels: { app: a } }
    spec: { containers: [{ name: app, image: 'registry:5000/team/app:1.0' }] }
`;

describe(renderKustomization.name, () => {
  let dir: string;
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), text);
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the namespace, the image tags and the JSON 6902 patches', () => {
    write({
      'app.yaml': DEPLOYMENT,
      'replicas.yaml': '- op: add\n  path: /spec/replicas\n  value: 3\n',
      'kustomization.yaml': [
        'namespace: team',
        'resources: [app.yaml]',
        'images: [{ name: registry:5000/team/app, newTag: "2.0" }]',
        'patches: [{ path: replicas.yaml, target: { kind: Deployment, name: app } }]',
      ].join('\n'),
    });
    const [app] = renderKustomization(dir);
    expect(app).toMatchObject({
      metadata: { name: 'app', namespace: 'team' },
      spec: { replicas: 3, template: { spec: { containers: [{ image: 'registry:5000/team/app:2.0' }] } } },
    });
  });

  it.each([
    [
      'a field it does not implement',
      'resources: [app.yaml]\nconfigMapGenerator: [{ name: x }]',
      'configMapGenerator',
    ],
    [
      'a strategic-merge patch',
      'resources: [app.yaml]\npatches: [{ path: p.yaml, target: { kind: Deployment, name: app } }]',
      'JSON 6902',
    ],
    [
      'a patch whose target is missing',
      'resources: [app.yaml]\npatches: [{ path: q.yaml, target: { kind: Deployment, name: other } }]',
      '0 objects',
    ],
    [
      'a patch selecting by label',
      'resources: [app.yaml]\npatches: [{ path: q.yaml, target: { kind: Deployment, name: app, labelSelector: a=b } }]',
      'labelSelector',
    ],
  ])('refuses %s', (_, kustomization, message) => {
    write({
      'app.yaml': DEPLOYMENT,
      'p.yaml': 'spec: { replicas: 2 }\n',
      'q.yaml': '- op: add\n  path: /spec/replicas\n  value: 2\n',
      'kustomization.yaml': kustomization,
    });
    expect(() => renderKustomization(dir)).toThrow(KustomizeRenderError);
    expect(() => renderKustomization(dir)).toThrow(message);
  });

  it('refuses a patch that replaces a path the object does not have', () => {
    write({
      'app.yaml': DEPLOYMENT,
      'q.yaml': '- op: replace\n  path: /spec/paused\n  value: true\n',
      'kustomization.yaml':
        'resources: [app.yaml]\npatches: [{ path: q.yaml, target: { kind: Deployment, name: app } }]',
    });
    expect(() => renderKustomization(dir)).toThrow();
  });
});
