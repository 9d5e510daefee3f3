# One image recipe for every tiersync process; APP picks the entry point:
#   apps/webhook-ingress | apps/tier-sync | apps/ops-cli | tools/capillary-sim
# The sources run through SWC at start-up (tools/runtime/register.js), so the image needs no build step
# and what runs is exactly what the tests ran.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; @swc/core's native binary arrives as an optional dependency, so no
# install scripts are needed.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ARG APP
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json tsconfig.base.json ./
COPY --chown=node:node tools/runtime ./tools/runtime
COPY --chown=node:node libs ./libs
COPY --chown=node:node tools/capillary-sim ./tools/capillary-sim
COPY --chown=node:node apps ./apps
USER node
# exec form through sh so $APP expands and node still receives signals directly; arguments given to
# `docker run IMAGE ...` (the CLI's subcommands) arrive as "$@".
ENTRYPOINT ["sh", "-c", "exec node -r ./tools/runtime/register.js ${APP}/src/main.ts \"$@\"", "--"]
