/**
 * Where the main process finds the preload script and the renderer, computed from the main bundle's own URL
 * (dist/node/main.mjs → dist/node/preload.cjs and dist/renderer/). Kept free of `electron` so the packaging test
 * (test/build/packagingFacts.test.ts) computes the same paths from package.json's `main` and checks they exist.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppPaths {
  preloadScript: string;
  rendererIndex: string;
  /** file:// URL of the renderer folder, ending in '/': every page and frame of the app lives under it. */
  rendererRoot: string;
}

export function appPaths(mainModuleUrl: string): AppPaths {
  return {
    preloadScript: fileURLToPath(new URL('./preload.cjs', mainModuleUrl)),
    rendererIndex: fileURLToPath(new URL('../renderer/index.html', mainModuleUrl)),
    rendererRoot: pathToFileURL(fileURLToPath(new URL('../renderer/', mainModuleUrl))).href,
  };
}
