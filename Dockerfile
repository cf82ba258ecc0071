# Sitrep in a container. Build: `docker build -t sitrep .`; run with the settings of .env:
# `docker compose up -d` (docker-compose.yml: Postgres and two replicas; docker-compose.single.yml:
# one process on SQLite), or `docker run --env-file .env -p 3000:3000 sitrep`.
# Two stages: the first installs everything and compiles src/ into dist/, then drops the
# development packages; the second holds only dist/, the production node_modules and the
# bundled story, and runs as the unprivileged `node` user.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 builds its native module from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm 11, as in development: it runs only the install scripts that package.json's allowScripts
# lets run (better-sqlite3's), where the image's npm 10 would run every package's.
RUN npm install -g npm@11 --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm ci` installs the exact lockfile, runs better-sqlite3's install script and then `prepare`,
# which compiles src/ into dist/ with the devDependency typescript. Only then are the development
# packages removed (`npm ci --omit=dev` would run `prepare` with no typescript to run it).
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -f dist/.tsbuildinfo

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Code and packages belong to root, so the process cannot change them; only the article sets
# (feeds and /add write articles there) and data/ (the SQLite store) are the node user's.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY docker/healthcheck.js ./docker/healthcheck.js
COPY --chown=node:node briefings ./briefings
RUN mkdir data && chown node:node data
USER node
# Slack's HTTP mode: /slack/events, /healthz and /readyz (PORT, default 3000). Socket Mode and
# Discord open no port.
EXPOSE 3000
# Sitrep stops cleanly on SIGTERM within 10 s: give `docker stop` more than that (-t 15, or
# stop_grace_period in compose) or it is killed before it has finished.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "docker/healthcheck.js"]
CMD ["node", "dist/main.js"]
