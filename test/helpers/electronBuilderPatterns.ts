/**
 * Which files electron-builder packs, unpacks or copies as resources, decided the way electron-builder decides:
 * minimatch with `{ dot: true }`, patterns applied in order, a later `!pattern` excluding what earlier ones
 * included (app-builder-lib's fileMatcher.ts and util/filter.ts). Only what the packaging test needs is modelled:
 * the app's own `files`, `asarUnpack` and `extraResources` (from/to/filter) entries.
 */
import { Minimatch } from 'minimatch';
import { posix } from 'node:path';

export interface FileSet {
  from?: string;
  to?: string;
  filter?: string | string[];
}

export interface BuilderConfig {
  files?: string | Array<string | FileSet>;
  asarUnpack?: string | string[];
  extraResources?: string | Array<string | FileSet>;
}

const OPTIONS = { dot: true };

function compile(patterns: string[]): Minimatch[] {
  const compiled: Minimatch[] = [];
  for (const raw of patterns) {
    const pattern = posix.normalize(raw.startsWith('./') ? raw.slice(2) : raw);
    const parsed = new Minimatch(pattern, OPTIONS);
    compiled.push(parsed);
    // electron-builder treats a plain name without a dot as a folder and adds "<name>/**/*" (its issue #545).
    const magic = parsed.set.length > 1 || parsed.set[0]!.some((part) => typeof part !== 'string');
    if (!pattern.includes('.') && !magic) compiled.push(new Minimatch(`${pattern}/**/*`, OPTIONS));
  }
  return compiled;
}

/** True when the ordered include/exclude patterns select `relativePath` (a file, '/'-separated, from the app root). */
export function selects(patterns: string[], relativePath: string): boolean {
  let selected = false;
  for (const pattern of compile(patterns)) {
    if (selected !== pattern.negate) continue;
    selected = pattern.match(relativePath);
  }
  return selected;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The plain string patterns of `files` (FileSet entries copy from elsewhere and are not used by this app). */
export function filePatterns(config: BuilderConfig): string[] {
  const patterns = asArray(config.files).filter((p): p is string => typeof p === 'string');
  // electron-builder always adds package.json when the patterns do not name it.
  return patterns.includes('package.json') ? patterns : [...patterns, 'package.json'];
}

export function isPackaged(config: BuilderConfig, relativePath: string): boolean {
  return selects(filePatterns(config), relativePath);
}

export function isUnpacked(config: BuilderConfig, relativePath: string): boolean {
  return selects(asArray(config.asarUnpack), relativePath);
}

/**
 * Where an extraResources entry puts a project file, relative to the resources folder, or undefined when no entry
 * copies it.
 */
export function resourceDestination(config: BuilderConfig, projectRelativePath: string): string | undefined {
  for (const entry of asArray(config.extraResources)) {
    const set: FileSet = typeof entry === 'string' ? { from: entry, to: entry } : entry;
    const from = posix.normalize(set.from ?? '.');
    if (!projectRelativePath.startsWith(`${from}/`)) continue;
    const inside = projectRelativePath.slice(from.length + 1);
    const filters = asArray(set.filter);
    if (filters.length > 0 && !selects(filters, inside)) continue;
    return posix.join(set.to ?? '.', inside);
  }
  return undefined;
}
