# The Capillary simulator, from its compiled output. From the repository root:
#   docker build -f docker/capillary-sim.Dockerfile -t tiersync/capillary-sim .
# Stages: build compiles with Nx into dist/tools/capillary-sim (JavaScript, a package.json of only what
# capillary-sim imports, its lockfile); deps installs those production dependencies; the runtime stage
# holds node, that output and node_modules, no compiler.

FROM node:26-trixie-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nx build capillary-sim --skip-nx-cache

FROM node:26-trixie-slim AS deps
WORKDIR /app
COPY --from=build /workspace/dist/tools/capillary-sim/package.json /workspace/dist/tools/capillary-sim/package-lock.json ./
# The simulator imports nothing from npm; the empty folder keeps the runtime stage's COPY uniform.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && mkdir -p node_modules

FROM node:26-trixie-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root: the app runs as node and cannot rewrite its own code or dependencies.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/tools/capillary-sim ./
USER node
EXPOSE 4010
# No curl in a slim image: node itself asks a read-only control endpoint (the simulator has no /health).
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.SIM_PORT || 4010) + '/__sim/webhooks').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so the app drains before it exits.
ENTRYPOINT ["node", "tools/capillary-sim/src/main.js"]
