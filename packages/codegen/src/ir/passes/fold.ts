import type { IrFunc } from '../ir.js';

export function foldConstants(_fn: IrFunc): void {}
