import { ApiError, issuesFromZod } from '../../shared/api/errors';
import { CurtoisFormatError, formatRosterCsv, parseCurtois, solveRoster } from '../../shared/engine/roster';
import { generateSchedule, ScheduleInputSchema, type ScheduleInput } from '../../shared/engine/schedule';
import { startRosterHelper } from './rosterHelper';
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
      // Both cores: the helper thread's neighbourhood search runs beside the column stages (it stops by itself when
      // the machine gives the process no second core).
      const solution = await solveRoster(problem, { timeLimitSec, startHelper: startRosterHelper });
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
