// Entry point of the `wasmts` command (run from source by `pnpm wasmts`, or as dist/main.js by bin/wasmts.js).

import { main } from './program.js';

process.exitCode = await main(process.argv);
