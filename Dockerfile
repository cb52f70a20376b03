# The room relay with the built app, as a region's IT department runs it (docs/relay.md).
#   docker build -t solfjadern .
#   docker run -d -p 1234:1234 -v solfjadern-rum:/data --name solfjadern solfjadern
# Settings as for `npm start`: PORT, HOST, RELAY_DATA, REDIS_URL, LOG, TLS_CERT/TLS_KEY.

# Build: the app and the relay, then only what runs is kept (better-sqlite3 compiles here).
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY index.html tsconfig.json vite.config.ts ./
COPY src ./src
COPY public ./public
RUN npx vite build && npx vite build --mode relay && npm prune --omit=dev --no-audit --no-fund

# Run: Node 20 slim, a user that is not root, the rooms' file on a volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=1234 \
    HOST=0.0.0.0 \
    RELAY_DATA=/data/solfjadern-rum.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-relay ./dist-relay
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 1234
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "dist-relay/relay-healthcheck.js"]
# Stopped with SIGTERM: every open room is stored before it exits.
STOPSIGNAL SIGTERM
CMD ["node", "dist-relay/relay.js"]
