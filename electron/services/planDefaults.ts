/**
 * A new plan's defaults and the demo plan seeded after a workspace is replaced. Apart from the plan handlers, so a
 * job's worker can seed the demo plan in the same transaction as the demo workspace (workers/demoTasks.ts): it reads
 * the whole history, which the thread that serves the UI should not.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { PlanClassInput, PlanSave } from '../../shared/api/channels/plan';
import { listStaffingProfiles } from '../../db/repositories/staffingProfiles';
import { queueHistoryRange } from '../../db/repositories/intervals';
import { getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import { listPlans, listRampCurves, savePlan, syncPlanHires } from '../../db/repositories/plans';
import { writeTransaction } from '../../db/writeTransaction';
import { STAFFING_DEFAULTS } from '../../shared/engine/requirements';

export const DEMO_PLAN_NAME = 'Next 52 weeks (demo)';

/** Shrinkage the workspace plans with: the newest staffing profile's, else the Staffing area's default 30%. */
function workspaceShrinkage(db: Database): number {
  const withShrinkage = listStaffingProfiles(db)
    .filter((p) => p.settings.shrinkage !== undefined)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return withShrinkage?.settings.shrinkage ?? STAFFING_DEFAULTS.shrinkage;
}

/** The Monday after the workspace's history ends (the first week nobody has data for), else next Monday. */
export function firstPlanWeek(db: Database): string {
  let last: string | undefined;
  for (const q of queueSummaries(db)) {
    const range = queueHistoryRange(db, q.id);
    if (range && (!last || range.last > last)) last = range.last;
  }
  const day = last ? DateTime.fromISO(last.slice(0, 10)).plus({ days: 1 }) : DateTime.now().plus({ days: 1 });
  return (day.weekday === 1 ? day : day.startOf('week').plus({ weeks: 1 })).toISODate()!;
}

/**
 * A new plan's assumptions. Hours per FTE 40 (the demo's full-time contract); occupancy 85% (the planning table's
 * upper comfortable bound); attrition 3% a month tenured and 6% for new hires (typical contact-centre figures);
 * replacement hiring: 10-week lead time (2–3 months), a class every 4 weeks of 3 to 12 hires.
 */
export function defaultPlan(db: Database, weeks: number): PlanSave {
  const defaultCurve = listRampCurves(db)[0];
  if (!defaultCurve) throw new ApiError({ code: 'not_found', message: 'There is no ramp curve: add one under Ramp curves first' });
  return {
    name: 'New plan',
    startWeek: firstPlanWeek(db),
    weeks,
    document: {
      hoursPerFte: 40,
      occupancy: 0.85,
      shrinkage: workspaceShrinkage(db),
      headcount: null,
      skills: [],
      attrition: { tenuredMonthly: 0.03, newHireMonthly: 0.06 },
      growthPerYear: 0.08,
      defaultRampCurveId: defaultCurve.id,
      hiring: { leadTimeWeeks: 10, cadenceWeeks: 4, minClassSize: 3, maxClassSize: 12 },
      costs: { weeklyCostPerHead: 1100, hireCost: 5000, understaffPerFteWeek: 3000 },
      weekAssumptions: [],
    },
    classes: [],
    linkedToSchedule: false,
  };
}

/**
 * After the workspace is replaced (demo reset, first start): seeds the demo plan when there is no plan yet, and
 * gives the linked plan's classes their new-hire agents again (replacing the workspace removed them).
 */
export function afterWorkspaceReplaced(db: Database): void {
  writeTransaction(db, () => {
    if (listPlans(db).length > 0 || !getWorkspace(db)?.isDemo) {
      syncPlanHires(db);
      return;
    }
    const plan = defaultPlan(db, 52);
    const replacement: PlanClassInput = {
      kind: 'replacement',
      startWeek: DateTime.fromISO(plan.startWeek).plus({ weeks: 10 }).toISODate()!,
      size: 6,
      rampCurveId: plan.document.defaultRampCurveId,
      label: 'Spring replacement class',
      skill: 'phone',
    };
    // Not linked to the Schedule until the planner asks: its new hires would otherwise join the team at once.
    savePlan(db, { ...plan, name: DEMO_PLAN_NAME, classes: [replacement], linkedToSchedule: false });
  });
}
