import type { IrFunc } from '../ir.js';

export function removeDeadValues(_fn: IrFunc): void {}
