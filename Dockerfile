# Multi-stage build of the Crm service.
# The dashboard is built with Node.js in its own stage (the .NET SDK image has no Node.js) and published with the service.
FROM node:22-bookworm-slim AS dashboard
WORKDIR /source/src/Crm.Web/ClientApp
COPY src/Crm.Web/ClientApp/package.json src/Crm.Web/ClientApp/package-lock.json src/Crm.Web/ClientApp/.npmrc ./
RUN npm ci
COPY src/Crm.Web/ClientApp/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props Crm.sln ./
COPY src/ src/
COPY --from=dashboard /source/src/Crm.Web/wwwroot src/Crm.Web/wwwroot/
RUN dotnet publish src/Crm.Web/Crm.Web.csproj -c Release -o /app --nologo -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Crm.Web.dll"]
