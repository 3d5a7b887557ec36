// What src/jsc-runner.ts (inside jsc) and src/programs-jsc.ts (its Node parent) say to each other besides the result.

/**
 * The line the runner prints to ask its parent for the jsc process's CPU time, which the shell cannot read itself;
 * the parent writes back one line: the CPU time in ms.
 */
export const CPU_REQUEST = '@cpu';
