// Builds the four hall apps (tablet, chair, secretary, big screen), the public tracking-code
// page, the county organisation department's view and the start page from app/ into
// dist-app/, which plenumd serves as its web root.
import { resolve } from "node:path";
import { defineConfig } from "vite";

const root = resolve(__dirname, "app");

export default defineConfig({
  root,
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: resolve(__dirname, "dist-app"),
    emptyOutDir: true,
    target: "es2020",
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: {
        index: resolve(root, "index.html"),
        tablet: resolve(root, "tablet.html"),
        chair: resolve(root, "chair.html"),
        secretary: resolve(root, "secretary.html"),
        screen: resolve(root, "screen.html"),
        codes: resolve(root, "codes.html"),
        bench: resolve(root, "bench.html"),
        county: resolve(root, "county.html"),
      },
    },
  },
});
