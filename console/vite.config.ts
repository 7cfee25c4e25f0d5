import { defineConfig } from 'vite';

// Served by the API at /: relative asset paths, no source maps, nothing loaded from elsewhere.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1024 },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
