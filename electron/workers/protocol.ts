/** Messages a worker thread sends to the job runner. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; value: unknown }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
