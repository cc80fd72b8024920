// Development-only entry of the roster helper thread: loads the TypeScript source through tsx (tests, the bench and
// the CLI run from source). The built app uses dist/node/rosterHelperThread.mjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./rosterHelperThread.ts', import.meta.url);
