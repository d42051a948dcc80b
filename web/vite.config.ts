// Vite build of the investigator UI: web/src → web/dist (served by `hoptrace serve`).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: `${root}dist`, emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8470', '/taxii2': 'http://127.0.0.1:8470' } },
});
