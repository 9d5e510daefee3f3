import path from 'node:path';
import { deployProblems } from './deploy-checks';
import { DEPLOY_DIR } from './deploy-paths';
import { type Container, containersOf, find, type KubernetesObject, podSpecOf } from './kubernetes-object';
import { renderKustomization } from './kustomize-render';

/** A fresh render of the local overlay, which passes every check, for each probe to break. */
function local(): KubernetesObject[] {
  return renderKustomization(path.join(DEPLOY_DIR, 'overlays/local'));
}

function get(objects: KubernetesObject[], kind: string, name: string): KubernetesObject {
  const object = find(objects, kind, name);
  if (!object) {
    throw new Error(`${kind}/${name} not rendered`);
  }
  return object;
}

function container(objects: KubernetesObject[], kind: string, name: string): Container {
  const found = containersOf(get(objects, kind, name))[0];
  if (!found) {
    throw new Error(`${kind}/${name} has no container`);
  }
  return found;
}

const data = (objects: KubernetesObject[], name: string) =>
  get(objects, 'ConfigMap', name)['data'] as Record<string, string>;
const spec = (object: KubernetesObject) => object['spec'] as Record<string, unknown>;

describe(deployProblems.name, () => {
  it('passes the unbroken render', () => {
    expect(deployProblems(local())).toEqual([]);
  });

  it('catches a variable docs/configuration.md does not list for that app', () => {
    const objects = local();
    container(objects, 'Deployment', 'tier-sync').env?.push({ name: 'SYNC_TURBO', value: 'true' });
    container(objects, 'Deployment', 'webhook-ingress').env?.push({
      name: 'KAFKA_CONSUMER_GROUP',
      value: 'x',
    });
    expect(deployProblems(objects)).toEqual([
      'Deployment webhook-ingress, webhook-ingress: KAFKA_CONSUMER_GROUP is not in docs/configuration.md (## webhook-ingress)',
      'Deployment tier-sync, tier-sync: SYNC_TURBO is not in docs/configuration.md (## tier-sync)',
    ]);
  });

  it('catches a required variable left unset, including one required only under a condition', () => {
    const objects = local();
    const { CAPILLARY_BASE_URL: _url, ...capillary } = data(objects, 'tiersync-capillary');
    get(objects, 'ConfigMap', 'tiersync-capillary')['data'] = { ...capillary, CAPILLARY_AUTH: 'oauth' };
    expect(deployProblems(objects)).toEqual([
      'Deployment tier-sync, tier-sync: CAPILLARY_BASE_URL is required (always) but not set',
      'Deployment tier-sync, tier-sync: CAPILLARY_OAUTH_KEY is required (CAPILLARY_AUTH=oauth) but not set',
      'Deployment tier-sync, tier-sync: CAPILLARY_OAUTH_SECRET is required (CAPILLARY_AUTH=oauth) but not set',
      'CronJob tiersync-ops, ops-cli: CAPILLARY_BASE_URL is required (for reconcile and doctor) but not set',
    ]);
  });

  it("reads an 'unless' condition: the ingress needs WEBHOOK_SECRET unless DEMO_MODE=true", () => {
    const objects = local();
    const ingress = container(objects, 'Deployment', 'webhook-ingress');
    ingress.env = [];
    expect(deployProblems(objects)).toEqual([
      'Deployment webhook-ingress, webhook-ingress: WEBHOOK_SECRET is required (unless DEMO_MODE=true) but not set',
    ]);
    ingress.env = [{ name: 'DEMO_MODE', value: 'true' }];
    expect(deployProblems(objects)).toEqual([]);
  });

  it('catches secrets passed whole, and a key the rendered Secret lacks', () => {
    const objects = local();
    const sync = container(objects, 'Deployment', 'tier-sync');
    sync.envFrom?.push({ secretRef: { name: 'tiersync-secrets' } });
    const password = sync.env?.find((variable) => variable.name === 'CAPILLARY_PASSWORD');
    if (password?.valueFrom?.secretKeyRef) {
      password.valueFrom.secretKeyRef.key = 'CAPILLARY_PASSWD';
    }
    expect(deployProblems(objects)).toEqual([
      'Deployment tier-sync, tier-sync: envFrom Secret tiersync-secrets: name each secret variable with a secretKeyRef',
      'Deployment tier-sync, tier-sync: CAPILLARY_PASSWORD: Secret tiersync-secrets has no key CAPILLARY_PASSWD',
    ]);
  });

  it("catches a grace period that does not outlast tier-sync's drain deadline", () => {
    const objects = local();
    data(objects, 'tier-sync')['SYNC_SHUTDOWN_DEADLINE_MS'] = '60000';
    expect(deployProblems(objects)).toEqual([
      'Deployment tier-sync, tier-sync: terminationGracePeriodSeconds 35 s does not outlast SYNC_SHUTDOWN_DEADLINE_MS (60000 ms)',
    ]);
  });

  it('catches probes off /health/live and /health/ready, and a port the app does not listen on', () => {
    const objects = local();
    const ingress = container(objects, 'Deployment', 'webhook-ingress');
    ingress['readinessProbe'] = { httpGet: { path: '/health/live', port: 'http' } };
    data(objects, 'webhook-ingress')['INGRESS_PORT'] = '8080';
    expect(deployProblems(objects)).toEqual([
      'Deployment webhook-ingress, webhook-ingress: containerPort "http" 3000 is not INGRESS_PORT (8080)',
      'Deployment webhook-ingress, webhook-ingress: readinessProbe is not GET /health/ready on port "http"',
    ]);
  });

  it('catches more replicas than command partitions, and triggers on the wrong group or topic', () => {
    const objects = local();
    const scaled = spec(get(objects, 'ScaledObject', 'tier-sync'));
    scaled['maxReplicaCount'] = 12;
    const [commands, events] = scaled['triggers'] as { metadata: Record<string, string> }[];
    if (!commands || !events) {
      throw new Error('two triggers expected');
    }
    commands.metadata['consumerGroup'] = 'tier-sync';
    events.metadata['topic'] = 'tiersync.group-commands.retry.v1';
    expect(deployProblems(objects)).toEqual([
      'ScaledObject of Deployment tier-sync: maxReplicaCount 12 is not KAFKA_TOPIC_PARTITIONS (6)',
      "ScaledObject of Deployment tier-sync: trigger consumerGroup tier-sync is not tier-sync's (tiersync.tier-sync)",
      'ScaledObject of Deployment tier-sync: trigger topic tiersync.group-commands.retry.v1 is not one whose lag more replicas can work off',
    ]);
  });

  it('follows KAFKA_TOPIC_PREFIX into the expected topics and consumer group', () => {
    const objects = local();
    data(objects, 'tiersync-kafka')['KAFKA_TOPIC_PREFIX'] = 'acme.';
    expect(deployProblems(objects)).toEqual([
      'ScaledObject of Deployment tier-sync: no kafka trigger on acme.group-commands.v1',
      'ScaledObject of Deployment tier-sync: trigger topic tiersync.group-commands.v1 is not one whose lag more replicas can work off',
      "ScaledObject of Deployment tier-sync: trigger consumerGroup tiersync.tier-sync is not tier-sync's (acme.tier-sync)",
      'ScaledObject of Deployment tier-sync: trigger topic tiersync.webhook-events.v1 is not one whose lag more replicas can work off',
      "ScaledObject of Deployment tier-sync: trigger consumerGroup tiersync.tier-sync is not tier-sync's (acme.tier-sync)",
    ]);
  });

  it('catches an object its schema rejects, and a kind with no known schema', () => {
    const objects = local();
    const pod = podSpecOf(get(objects, 'Deployment', 'tier-sync'));
    if (pod) {
      pod.terminationGracePeriodSeconds = '35' as unknown as number;
    }
    objects.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'tier-sync' },
    });
    const problems = deployProblems(objects);
    expect(problems).toContain(
      'apps/v1/Deployment tier-sync: data/spec/template/spec/terminationGracePeriodSeconds must be integer',
    );
    expect(problems).toContain(
      'autoscaling/v2/HorizontalPodAutoscaler tier-sync: no schema known for this kind',
    );
  });
});
