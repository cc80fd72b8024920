/**
 * Loads the HiGHS WebAssembly runtime once and hands it out; forgets it after a crash, because an aborted
 * Emscripten instance cannot be used again.
 *
 * Where the .wasm comes from: the `highs` loader looks for `highs.wasm` beside its own script — the ESM build via
 * `new URL('highs.wasm', import.meta.url)`, the CommonJS build via `__dirname`. Once esbuild bundles the engine, that
 * script is the bundle, so either copy `node_modules/highs/build/highs.wasm` next to the bundle (and list it in
 * electron-builder's `asarUnpack`, so a worker thread can read it as a plain file), or call `configureHighs` before
 * the first solve with `locateFile` returning its real path, or with `wasmBinary` already read by the host (the
 * most robust, as nothing is then looked up at run time). This module itself imports nothing Node-only.
 */
import loadHighs, { type Highs, type InitOptions } from 'highs';

let loaderOptions: InitOptions = {};
let runtime: Promise<Highs> | null = null;

/** Sets how the .wasm is found (see above) for every later load; an already loaded runtime is dropped. */
export function configureHighs(options: InitOptions): void {
  loaderOptions = options;
  runtime = null;
}

export function getHighs(): Promise<Highs> {
  if (runtime === null) {
    const loading = loadHighs(loaderOptions);
    // A failed load is not cached, so a later solve (e.g. after configureHighs) tries again.
    loading.catch(() => {
      if (runtime === loading) runtime = null;
    });
    runtime = loading;
  }
  return runtime;
}

/** Call after the runtime threw from inside WebAssembly (out of memory, abort): the next solve loads a fresh one. */
export function discardHighs(): void {
  runtime = null;
}
