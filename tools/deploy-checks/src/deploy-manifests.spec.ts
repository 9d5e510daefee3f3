import path from 'node:path';
import { deployProblems } from './deploy-checks';
import { DEPLOY_DIR, deployRenders } from './deploy-paths';
import { containersOf, type KubernetesObject } from './kubernetes-object';
import { renderKustomization } from './kustomize-render';

const render = (dir: string) => renderKustomization(path.join(DEPLOY_DIR, dir));
const ids = (objects: KubernetesObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

describe('deploy/', () => {
  it('has a base and the local and production overlays', () => {
    expect(deployRenders()).toEqual(['base', 'overlays/local', 'overlays/production']);
  });

  describe.each(deployRenders())('%s', (dir) => {
    const objects = render(dir);

    it('deploys the ingress, tier-sync with its ScaledObject and the ops Job template', () => {
      expect(ids(objects)).toEqual(
        expect.arrayContaining([
          'Deployment/webhook-ingress',
          'Service/webhook-ingress',
          'PodDisruptionBudget/webhook-ingress',
          'Deployment/tier-sync',
          'ScaledObject/tier-sync',
          'CronJob/tiersync-ops',
        ]),
      );
    });

    it('passes the schemas, the configuration reference, the drain and the scaling checks', () => {
      expect(deployProblems(objects)).toEqual([]);
    });
  });

  describe.each(['overlays/local', 'overlays/production'])('%s', (dir) => {
    const objects = render(dir);

    it('puts every object but the Namespace into the tiersync namespace', () => {
      const namespaced = objects.filter((o) => o.kind !== 'Namespace');
      expect(
        namespaced.filter((o) => o.metadata.namespace !== 'tiersync').map((o) => o.metadata.name),
      ).toEqual([]);
      expect(ids(objects)).toContain('Namespace/tiersync');
    });

    it('names a tag for every tiersync image', () => {
      const images = objects.flatMap(containersOf).map((c) => c.image ?? '');
      expect(images.filter((image) => image.startsWith('tiersync/') && !/:[\w.-]+$/.test(image))).toEqual([]);
    });
  });

  it('production: KEDA authenticates every trigger through the TriggerAuthentication over SASL_SSL', () => {
    const objects = render('overlays/production');
    const scaled = objects.find((o) => o.kind === 'ScaledObject');
    const triggers = (scaled?.['spec'] as { triggers: Record<string, unknown>[] }).triggers;
    expect(triggers.length).toBeGreaterThan(0);
    for (const trigger of triggers) {
      expect(trigger).toMatchObject({
        authenticationRef: { name: 'tiersync-kafka' },
        metadata: { sasl: 'scram_sha512', tls: 'enable' },
      });
    }
    expect(ids(objects)).toContain('TriggerAuthentication/tiersync-kafka');
    expect(ids(objects)).not.toContain('Secret/tiersync-secrets');
  });
});
