// Entry point of the `wasmts` command (run from source by `pnpm wasmts`, or as dist/main.js by bin/wasmts.js).

import { main } from './program.js';

// A closed pipe (`wasmts wast ... | head`) ends the command quietly instead of with an EPIPE stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv);
