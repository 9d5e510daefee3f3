# The webhook ingress, from its compiled output. From the repository root:
#   docker build -f docker/webhook-ingress.Dockerfile -t tiersync/webhook-ingress .
# Stages: build compiles with Nx into dist/apps/webhook-ingress (JavaScript, a package.json of only what
# webhook-ingress imports, its lockfile); deps installs those production dependencies; the runtime stage
# holds node, that output and node_modules, no compiler.

FROM node:26-trixie-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nx build webhook-ingress --skip-nx-cache

FROM node:26-trixie-slim AS deps
WORKDIR /app
COPY --from=build /workspace/dist/apps/webhook-ingress/package.json /workspace/dist/apps/webhook-ingress/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:26-trixie-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root: the app runs as node and cannot rewrite its own code or dependencies.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/webhook-ingress ./
USER node
EXPOSE 3000
# No curl in a slim image: node itself asks the liveness endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.INGRESS_PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so the app drains before it exits.
ENTRYPOINT ["node", "apps/webhook-ingress/src/main.js"]
