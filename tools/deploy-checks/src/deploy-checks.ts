import { topicNames } from '@tiersync/tier-events';
import { documentedVariables } from '@tiersync/workspace-checks';
import { containerEnvironment, type EnvValue } from './container-environment';
import { type Container, containersOf, type KubernetesObject, podSpecOf } from './kubernetes-object';
import { schemaProblems } from './kubernetes-schemas';
import { isRequired } from './required-when';

/** tiersync's containers are named after their app, which is also their heading in docs/configuration.md. */
const APPS = ['webhook-ingress', 'tier-sync', 'ops-cli'] as const;
type App = (typeof APPS)[number];

const SERVERS: Partial<Record<App, { drainMs: string; port: string }>> = {
  'webhook-ingress': { drainMs: 'SHUTDOWN_TIMEOUT_MS', port: 'INGRESS_PORT' },
  'tier-sync': { drainMs: 'SYNC_SHUTDOWN_DEADLINE_MS', port: 'SYNC_HTTP_PORT' },
};

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

interface AppContainer {
  app: App;
  owner: KubernetesObject;
  container: Container;
  value: (name: string) => string | undefined;
  where: string;
}

export function deployProblems(objects: readonly KubernetesObject[]): string[] {
  const apps = appContainers(objects);
  return [
    ...objects.flatMap(schemaProblems),
    ...apps.flatMap((app) => environmentProblems(app, objects)),
    ...apps.flatMap(serverProblems),
    ...scalingProblems(objects, apps),
  ];
}

function appContainers(objects: readonly KubernetesObject[]): AppContainer[] {
  return objects.flatMap((owner) =>
    containersOf(owner).flatMap((container) => {
      const app = APPS.find((name) => name === container.name);
      if (app === undefined) {
        return [];
      }
      const { variables } = containerEnvironment(container, objects);
      const docs = documentedVariables(app);
      const value = (name: string) => {
        const set = variables.get(name);
        const fallback = docs.get(name)?.default;
        return set ? valueOf(set) : fallback === '—' ? undefined : fallback;
      };
      return [{ app, owner, container, value, where: `${owner.kind} ${owner.metadata.name}, ${app}` }];
    }),
  );
}

function valueOf(set: EnvValue): string {
  return 'value' in set ? set.value : `<secret ${set.secret}>`;
}

function environmentProblems(
  { app, container, value, where }: AppContainer,
  objects: readonly KubernetesObject[],
) {
  const { variables, problems } = containerEnvironment(container, objects);
  const docs = documentedVariables(app);
  const undocumented = [...variables.keys()]
    .filter((name) => !docs.has(name))
    .map((name) => `${name} is not in docs/configuration.md (## ${app})`);
  const missing = [...docs]
    .filter(([name, row]) => !variables.has(name) && isRequired(row.requiredWhen, value))
    .map(([name, row]) => `${name} is required (${row.requiredWhen}) but not set`);
  return [...problems, ...undocumented, ...missing].map((problem) => `${where}: ${problem}`);
}

function serverProblems({ app, owner, container, value, where }: AppContainer): string[] {
  const server = SERVERS[app];
  if (!server || owner.kind !== 'Deployment') {
    return [];
  }
  const problems: string[] = [];
  const grace = podSpecOf(owner)?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const drainMs = Number(value(server.drainMs));
  if (!(grace * 1000 > drainMs)) {
    problems.push(
      `terminationGracePeriodSeconds ${grace} s does not outlast ${server.drainMs} (${drainMs} ms)`,
    );
  }
  const ports = (container['ports'] as { name?: string; containerPort: number }[] | undefined) ?? [];
  const http = ports.find((port) => port.name === 'http');
  if (http?.containerPort !== Number(value(server.port))) {
    problems.push(
      `containerPort "http" ${http?.containerPort} is not ${server.port} (${value(server.port)})`,
    );
  }
  for (const [probe, path] of [
    ['livenessProbe', '/health/live'],
    ['readinessProbe', '/health/ready'],
  ] as const) {
    const httpGet = (container[probe] as { httpGet?: { path?: string; port?: unknown } } | undefined)
      ?.httpGet;
    if (httpGet?.path !== path || httpGet.port !== 'http') {
      problems.push(`${probe} is not GET ${path} on port "http"`);
    }
  }
  return problems.map((problem) => `${where}: ${problem}`);
}

interface KafkaTrigger {
  type: string;
  metadata?: Record<string, string>;
}

/** At most one replica per partition of the command topic: more would receive no commands. */
function scalingProblems(objects: readonly KubernetesObject[], apps: AppContainer[]): string[] {
  const syncs = apps.filter((app) => app.app === 'tier-sync' && app.owner.kind === 'Deployment');
  return syncs.flatMap(({ owner, value }) => {
    const scaled = objects.filter(
      (object) =>
        object.kind === 'ScaledObject' &&
        (object['spec'] as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name ===
          owner.metadata.name,
    );
    const where = `ScaledObject of Deployment ${owner.metadata.name}`;
    if (scaled.length !== 1) {
      return [`${where}: ${scaled.length} found, expected 1`];
    }
    const spec = scaled[0]?.['spec'] as { maxReplicaCount?: number; triggers?: KafkaTrigger[] };
    const problems: string[] = [];
    const partitions = Number(value('KAFKA_TOPIC_PARTITIONS'));
    if (spec.maxReplicaCount !== partitions) {
      problems.push(`maxReplicaCount ${spec.maxReplicaCount} is not KAFKA_TOPIC_PARTITIONS (${partitions})`);
    }
    const prefix = value('KAFKA_TOPIC_PREFIX') ?? '';
    const topics = topicNames(prefix);
    const group = value('KAFKA_CONSUMER_GROUP')?.replace('<prefix>', prefix);
    const kafka = (spec.triggers ?? []).filter((trigger) => trigger.type === 'kafka');
    if (!kafka.some((trigger) => trigger.metadata?.['topic'] === topics.groupCommands)) {
      problems.push(`no kafka trigger on ${topics.groupCommands}`);
    }
    for (const { metadata = {} } of kafka) {
      const topic = metadata['topic'];
      if (topic !== topics.groupCommands && topic !== topics.webhookEvents) {
        problems.push(`trigger topic ${topic} is not one whose lag more replicas can work off`);
      }
      if (metadata['consumerGroup'] !== group) {
        problems.push(`trigger consumerGroup ${metadata['consumerGroup']} is not tier-sync's (${group})`);
      }
      if (metadata['bootstrapServers'] !== value('KAFKA_BROKERS')) {
        problems.push(
          `trigger bootstrapServers ${metadata['bootstrapServers']} is not tier-sync's KAFKA_BROKERS`,
        );
      }
    }
    return problems.map((problem) => `${where}: ${problem}`);
  });
}
