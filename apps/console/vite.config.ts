import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console: built into dist/ (the server serves it at `/`); in development
// Vite proxies the API to the server on localhost:3000.
export default defineConfig({
  plugins: [react()],
  // @pingyi/csv writes with csv-stringify (and reads with csv-parse): their browser builds here
  resolve: {
    alias: {
      'csv-stringify/sync': 'csv-stringify/browser/esm/sync',
      'csv-parse/sync': 'csv-parse/browser/esm/sync',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
      '/attachments': 'http://localhost:3000',
      '/rectification-ledger': 'http://localhost:3000',
      '/paper-batches': 'http://localhost:3000',
    },
  },
});
