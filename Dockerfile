# Multi-stage build of the Crm service.
# The official Node.js image only lends its node and npm to the build stage: building src/Crm.Web also builds the dashboard
# (src/Crm.Web/ClientApp, with npm ci and npm run build), which needs Node.js 20.19 or later, newer than the distribution's.
FROM node:22-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props Crm.sln ./
COPY src/ src/
RUN dotnet publish src/Crm.Web/Crm.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Without PostgreSQL configured the service keeps its embedded SQLite file in data/ under the working directory: a volume,
# writable by the unprivileged user the service runs as.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
USER $APP_UID
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Crm.Web.dll"]
