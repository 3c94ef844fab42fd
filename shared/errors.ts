// Errors that cross a process boundary carry a code the UI can act on and a message a user can read.
import type { RpcError } from './contract.js';

export type AppErrorCode = RpcError['code'];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} was not found`);
export const badInput = (message: string) => new AppError('BAD_INPUT', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
