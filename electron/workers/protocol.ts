/** Messages a worker thread sends to the job runner. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  /** `committed`: the task wrote its result itself; a cancel arriving now is too late to undo it. */
  | { type: 'result'; value: unknown; committed: boolean }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
