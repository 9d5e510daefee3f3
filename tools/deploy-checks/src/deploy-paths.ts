import { readdirSync } from 'node:fs';
import path from 'node:path';

export const DEPLOY_DIR = path.resolve(__dirname, '..', '..', '..', 'deploy');

export function deployRenders(): string[] {
  const overlays = readdirSync(path.join(DEPLOY_DIR, 'overlays')).sort();
  return ['base', ...overlays.map((overlay) => `overlays/${overlay}`)];
}
