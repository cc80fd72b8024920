/** The SLA ticket import's worker side: the export read ticket by ticket; the main thread writes the result. */
import { ImportCancelledError, parseSlaTicketsCsv, type SlaTicketMapping, type SlaTicketParse } from '../../shared/import';
import { TaskCancelledError, type TaskContext } from './taskContext';

export interface SlaTicketParseInput {
  text: string;
  zone: string;
  mapping: SlaTicketMapping;
}

export async function parseSlaTicketsTask(input: SlaTicketParseInput, ctx: TaskContext): Promise<SlaTicketParse> {
  try {
    return await parseSlaTicketsCsv(input.text, {
      zone: input.zone,
      mapping: input.mapping,
      onProgress: (fraction) => ctx.progress(fraction, 'Reading tickets'),
      shouldCancel: () => ctx.isCancelled(),
    });
  } catch (error) {
    if (error instanceof ImportCancelledError) throw new TaskCancelledError();
    throw error;
  }
}
