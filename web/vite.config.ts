/**
 * The web app: Vite + React. Root is this folder; `vite build --config web/vite.config.ts` writes
 * web/dist, which the HTTP server serves (with an SPA fallback to index.html). In development
 * `vite --config web/vite.config.ts` proxies /api to the server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000' },
    },
  },
});
