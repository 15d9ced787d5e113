import { defineConfig } from 'vite';

// The dashboard is the only bundled part; the API serves dashboard/dist.
export default defineConfig({
  root: 'dashboard',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
