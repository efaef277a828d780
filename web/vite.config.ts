import { defineConfig } from 'vite';

// Built once at install time into web/dist, which `triangulate serve` serves. Nothing is loaded from a
// CDN and nothing is inlined, so the server's Content-Security-Policy can forbid inline script and style.
export default defineConfig({
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
