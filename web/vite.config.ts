// The web client's build (`npm run build:web`) and dev server (`npm run dev`).
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where `npm run dev` runs the API; the dev server forwards everything the API owns to it. */
const api = process.env.FORUM_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // nhsuk-frontend's compiled CSS points at its icons as /assets/images/*.svg, where its own
    // site hosts them. Resolving them to the package lets Vite bundle them with our build.
    alias: [
      { find: /^\/assets\/images\//, replacement: here('../node_modules/nhsuk-frontend/dist/nhsuk/assets/images/') },
    ],
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // No source maps in the production bundle, so the API never serves the client's sources.
    // `npm run dev` maps every module to its source anyway, whatever this says.
    sourcemap: false,
    // nhsuk-frontend ships its CSS minified already, with old-browser hacks (`@media screen\0`)
    // that Vite's CSS minifier rejects; our own CSS is a few lines.
    cssMinify: false,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': api,
      '/docs': api,
      '/health': api,
      // socket.io's namespace is /live, but its transport runs on its default path /socket.io/.
      '/socket.io': { target: api, ws: true },
    },
  },
});
