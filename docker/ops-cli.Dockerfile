# The on-call CLI, from its compiled output; `docker run --rm tiersync/ops-cli dlq list` passes its arguments
# to the CLI. From the repository root:
#   docker build -f docker/ops-cli.Dockerfile -t tiersync/ops-cli .
# Stages: build compiles with Nx into dist/apps/ops-cli (JavaScript, a package.json of only what
# ops-cli imports, its lockfile); deps installs those production dependencies; the runtime stage
# holds node, that output and node_modules, no compiler.

FROM node:26-trixie-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nx build ops-cli --skip-nx-cache

FROM node:26-trixie-slim AS deps
WORKDIR /app
COPY --from=build /workspace/dist/apps/ops-cli/package.json /workspace/dist/apps/ops-cli/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:26-trixie-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root: the app runs as node and cannot rewrite its own code or dependencies.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/ops-cli ./
USER node
# A one-shot job: no HEALTHCHECK. Exec form: node is PID 1 and receives SIGTERM itself, so the CLI stops
# cleanly; the image's arguments (CMD, or those given to `docker run`) go to the CLI.
ENTRYPOINT ["node", "apps/ops-cli/src/main.js"]
CMD ["--help"]
