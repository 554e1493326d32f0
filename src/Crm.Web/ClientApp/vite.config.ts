import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the dashboard with hot reload and sends API and hub traffic to a service started with `dotnet run`.
const service = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // The SignalR client's bundle places /*#__PURE__*/ where Rollup ignores it; harmless, and noise in every .NET build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('@microsoft/signalr')) {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': service,
      '/hubs': { target: service, ws: true },
    },
  },
});
