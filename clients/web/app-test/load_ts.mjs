// Loads one of the apps' import-free TypeScript modules in node: transpiled with Vite's
// esbuild and imported from a data: URL.
import { readFile } from "node:fs/promises";
import { transformWithEsbuild } from "vite";

/** The module app/src/<name>.ts, transpiled and imported. */
export async function loadAppModule(name) {
  const path = new URL(`../app/src/${name}.ts`, import.meta.url);
  const source = await readFile(path, "utf8");
  const { code } = await transformWithEsbuild(source, path.pathname, { loader: "ts", format: "esm" });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}
