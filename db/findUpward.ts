/**
 * Locates a file shipped beside the code — migrations, the built renderer — from wherever the code runs: the source
 * tree (tests, tsx), the esbuild bundle in dist/, or a packaged app's archive.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findUpward(relativePath: string, fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find ${relativePath} next to the application (searched up from ${fileURLToPath(fromUrl)}).`);
    dir = parent;
  }
}
