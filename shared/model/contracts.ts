/** What an agent's employment contract allows in a week (minutes of paid work, shifts, days in a row, weekends). */
export interface AgentContract {
  minMinutesPerWeek: number;
  maxMinutesPerWeek: number;
  maxShiftsPerWeek: number;
  maxConsecutiveDays: number;
  minConsecutiveDaysOff: number;
  maxWeekendsPer4Weeks: number;
}
