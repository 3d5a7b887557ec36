import type { IrFunc } from '../ir.js';

export function propagateCopies(_fn: IrFunc): void {}
