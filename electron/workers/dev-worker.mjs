// Development-only worker entry: loads the TypeScript worker through tsx (tests and the CLI run from source).
// The built app uses dist/node/worker.mjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
