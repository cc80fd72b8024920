import { ApiError, issuesFromZod } from '../../shared/api/errors';
import { CurtoisFormatError, formatRosterCsv, parseCurtois, solveRoster } from '../../shared/engine/roster';
import { generateSchedule, ScheduleInputSchema, type ScheduleInput } from '../../shared/engine/schedule';
import type { Handlers } from './handlers';

export function solverHandlers(): Pick<Handlers, 'roster.curtois' | 'schedule.solve'> {
  return {
    'roster.curtois': async ({ text, timeLimitSec }) => {
      let problem;
      try {
        problem = parseCurtois(text);
      } catch (error) {
        if (error instanceof CurtoisFormatError) throw new ApiError({ code: 'invalid_request', message: `Instance file ${error.message}`, issues: [{ path: 'text', message: error.message }] });
        throw error;
      }
      const solution = await solveRoster(problem, { timeLimitSec });
      return { ...solution, csv: formatRosterCsv(problem, solution.assignment), employees: problem.employees.map((e) => e.id) };
    },
    'schedule.solve': async ({ input, timeLimitSec }) => {
      const checked = ScheduleInputSchema.safeParse(input);
      if (!checked.success) {
        const issues = issuesFromZod(checked.error);
        throw new ApiError({ code: 'invalid_request', message: `Schedule input: ${issues.slice(0, 3).map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')}`, issues });
      }
      return generateSchedule(input as ScheduleInput, { timeLimitSec });
    },
  };
}
