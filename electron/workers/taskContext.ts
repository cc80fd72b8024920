/** What a task running in a worker thread may do besides computing: report progress and notice a cancel. */
export class TaskCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'TaskCancelledError';
  }
}

export interface TaskContext {
  progress(fraction: number, message: string): void;
  /** Throws TaskCancelledError when the user has cancelled; call it between units of work. */
  checkCancelled(): void;
  isCancelled(): boolean;
}
