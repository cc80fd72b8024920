/**
 * Facts about the built app that only a launch of the real desktop app would otherwise reveal (and Electron cannot
 * run on most test machines): package.json's `main` names the bundle the build writes, the paths the main process
 * computes from it exist, and electron-builder.yml packs, unpacks or ships every file the app loads at run time.
 * `npm test` builds before vitest runs, so dist/ is fresh here.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinModules } from 'node:module';
import { load as loadYaml } from 'js-yaml';
import { appPaths } from '../../electron/main/appPaths';
import { electronNativeBinding } from '../../electron/main/nativeBinding';
import { findUpward } from '../../db/findUpward';
import { isPackaged, isUnpacked, resourceDestination, selects, type BuilderConfig } from '../helpers/electronBuilderPatterns';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
const builder = loadYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const mainFile = join(root, pkg.main);
const mainUrl = pathToFileURL(mainFile).href;
const paths = appPaths(mainUrl);
const fromRoot = (file: string) => relative(root, file).split(sep).join('/');
const built = existsSync(join(root, 'dist', 'node'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Bare module names a bundle imports (static `import … from "x"` and `import("x")`), node: builtins left out. */
function bareImports(bundle: string): string[] {
  const text = readFileSync(bundle, 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:^|[;\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"'./][^"']*)["']|\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const specifier = (match[1] ?? match[2])!;
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
  }
  return [...names].sort();
}

describe('the built app starts from what package.json names', () => {
  it('dist/ has been built (npm test builds before vitest)', () => {
    expect(built, 'run "npm run build" first: these checks read dist/').toBe(true);
  });

  it('package.json main is the main-process bundle the build writes', () => {
    expect(existsSync(mainFile), `package.json main "${pkg.main}" does not exist after the build`).toBe(true);
    // Electron loads an ES module main only from a .mjs file or a "type": "module" package (Electron 28 and later).
    expect(pkg.main.endsWith('.mjs') || (pkg.main.endsWith('.js') && (pkg as { type?: string }).type === 'module')).toBe(true);
  });

  it('the preload script and the renderer page the main process computes from it exist', () => {
    expect(existsSync(paths.preloadScript), paths.preloadScript).toBe(true);
    expect(existsSync(paths.rendererIndex), paths.rendererIndex).toBe(true);
    expect(pathToFileURL(paths.rendererIndex).href.startsWith(paths.rendererRoot)).toBe(true);
  });

  it('the worker the job runner starts sits beside the main bundle and needs nothing from node_modules', () => {
    // A packaged app runs the worker from app.asar.unpacked/, where the archive's node_modules cannot be reached.
    const worker = join(dirname(mainFile), 'worker.mjs');
    expect(existsSync(worker), worker).toBe(true);
    expect(bareImports(worker)).toEqual([]);
    expect(existsSync(join(dirname(worker), 'highs.wasm')), 'HiGHS looks for highs.wasm beside the bundle that loads it').toBe(true);
  });

  it('the roster helper thread sits beside the bundles that start it and needs nothing from node_modules', () => {
    // The main, web and CLI bundles start it (solverService) from their own folder; packaged, it runs unpacked too.
    const helper = join(dirname(mainFile), 'rosterHelperThread.mjs');
    expect(existsSync(helper), helper).toBe(true);
    expect(bareImports(helper)).toEqual([]);
  });

  it('every package the main bundle imports is a production dependency (electron-builder ships only those)', () => {
    const missing = bareImports(mainFile).filter((name) => name !== 'electron' && !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  it('the migrations are found from the main bundle inside the app folder', () => {
    const migrations = findUpward(join('db', 'migrations'), mainUrl);
    expect(fromRoot(migrations)).toBe('db/migrations');
    expect(readdirSync(migrations).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
  });
});

describe('electron-builder.yml ships every file the app loads at run time', () => {
  const mainDir = dirname(mainFile);
  const loadedInsideArchive = () => [
    mainFile,
    paths.preloadScript,
    ...filesUnder(dirname(paths.rendererIndex)).filter((f) => !f.endsWith('.map')),
    ...readdirSync(join(root, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).map((f) => join(root, 'db', 'migrations', f)),
  ];
  const loadedOutsideArchive = () => [join(mainDir, 'worker.mjs'), join(mainDir, 'rosterHelperThread.mjs'), join(mainDir, 'highs.wasm')];

  it('files: the main bundle, preload, renderer, worker, .wasm and migrations are packed', () => {
    const notPacked = [...loadedInsideArchive(), ...loadedOutsideArchive()].map(fromRoot).filter((f) => !isPackaged(builder, f));
    expect(notPacked).toEqual([]);
  });

  it('asarUnpack: the worker, the .wasm it reads and better-sqlite3 stay outside the archive', () => {
    const packedOnly = loadedOutsideArchive().map(fromRoot).filter((f) => !isUnpacked(builder, f));
    expect(packedOnly).toEqual([]);
    expect(isUnpacked(builder, 'node_modules/better-sqlite3/lib/index.js')).toBe(true);
    // The main bundle itself must stay in the archive (nothing needs it unpacked).
    expect(isUnpacked(builder, fromRoot(mainFile))).toBe(false);
  });

  it('extraResources puts the Electron build of better-sqlite3 where the packaged app looks for it', () => {
    const destination = resourceDestination(builder, '.native/electron/better_sqlite3.node');
    expect(destination, 'no extraResources entry ships .native/electron/better_sqlite3.node').toBeDefined();
    const resourcesPath = mkdtempSync(join(tmpdir(), 'staffwise-resources-'));
    try {
      mkdirSync(dirname(join(resourcesPath, destination!)), { recursive: true });
      writeFileSync(join(resourcesPath, destination!), '');
      const found = electronNativeBinding({ isPackaged: true, appPath: join(resourcesPath, 'app.asar'), resourcesPath, electronVersion: '45.0.0' });
      expect(found).toBe(join(resourcesPath, destination!));
    } finally {
      rmSync(resourcesPath, { recursive: true, force: true });
    }
  });

  it('the pattern matcher follows electron-builder: ordered patterns, later exclusions win, dot files match', () => {
    expect(selects(['dist/**/*', '!**/*.map'], 'dist/node/main.mjs')).toBe(true);
    expect(selects(['dist/**/*', '!**/*.map'], 'dist/node/main.mjs.map')).toBe(false);
    expect(selects(['dist/**/*'], 'dist/.hidden/x.js')).toBe(true);
    expect(selects(['db'], 'db/migrations/0001_init.sql')).toBe(true);
    expect(selects(['dist/node/worker.mjs'], 'dist/node/main.mjs')).toBe(false);
  });
});
