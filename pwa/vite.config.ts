import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compactDocuments } from './scripts/compact-documents.mjs';

const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [
    compactDocuments(),
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // main.tsx registers the worker itself (a few lines, no extra runtime).
      injectRegister: false,
      // The icons are already matched by globPatterns; listing them twice would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Élan',
        short_name: 'Élan',
        description: 'Réussites et bonnes pratiques de votre réseau, en direct.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#2340a8',
        background_color: '#f5f6fa',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico}'],
        // the worker sends the outbox's documents: compact them there too
        buildPlugins: { vite: [compactDocuments()] },
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    proxy: {
      '/graphql': { target: backend, ws: true, changeOrigin: false },
      '/healthz': backend,
      '/media': backend,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // read by scripts/check-size.mjs (the feed screen's chunks)
    manifest: true,
  },
  test: {
    include: ['src/**/*.test.ts', 'sw/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});
