import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// Brotli and gzip copies of every text asset, beside it, so the API serves them without
// compressing on each request (api/static.ts).
function precompress(dir: string): Plugin {
  return {
    name: 'si-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
      for (const file of walk(dir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The dashboard is the only bundled part; the API serves dashboard/dist.
export default defineConfig({
  root: 'dashboard',
  // Vega alone is 860 kB raw (240 kB brotli); it is its own chunk, loaded by the first chart.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  plugins: [precompress('dashboard/dist')],
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
