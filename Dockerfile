# syntax=docker/dockerfile:1
# Beian as one image: the API server (pnpm deploy --prod output: dist + production node_modules only) and the H5
# build of the mini-program, served by the server at /. Runs as the unprivileged `node` user.
#   docker build -t beian .
#   docker run --env-file beian.env -p 3000:3000 beian                 # the server
#   docker run --env-file beian.env beian node dist/migrate.js         # migrations, once per release
#   docker run --env-file beian.env beian node dist/reencrypt.js       # after adding a field key (README: rotating)
# Configuration: the environment variables in README.md (NODE_ENV=production needs DATABASE_URL, FIELD_ENCRYPTION_KEYS …).

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source against the image's own Node headers (no header download).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
RUN npm install --global pnpm@12.21.0
WORKDIR /src
# Dependencies first, so the layer survives source edits.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY miniapp/package.json miniapp/
RUN pnpm install --frozen-lockfile
COPY shared shared
COPY server server
COPY miniapp miniapp
RUN pnpm --filter @beian/shared build \
  && pnpm --filter @beian/server build \
  && pnpm --filter @beian/miniapp build:h5
# A self-contained copy of the server: its files ("files": ["dist"]) and production dependencies, @beian/shared included.
RUN pnpm --filter @beian/server --prod deploy --legacy /out/server

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/var \
    H5_DIR=/app/h5
WORKDIR /app
# Chinese glyphs for the exported 备案信息 PDF (PDF_CJK_FONT).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-wqy-zenhei \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /out/server /app
COPY --from=build --chown=node:node /src/miniapp/dist/h5 /app/h5
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000
# Liveness only: readiness (database, migrations) is the orchestrator's business (/api/health/ready).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
