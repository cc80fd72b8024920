/**
 * A capacity plan out of the app: the CLI's JSON form (`staffwise plan --input`), a CSV of its weeks (the same
 * columns as `staffwise plan --out`, plus the dates and the inputs behind them) and an XLSX workbook with the weeks,
 * the monthly roll-up, the classes' ramp schedules and the assumptions.
 */
import ExcelJS from 'exceljs';
import type { PlanExportFile, PlanProjectionView, PlanSave } from '../../shared/api/channels/plan';
import { monthlyRollUp } from '../../shared/engine/plan/monthlyRollUp';
import { csvField } from '../../shared/text/csv';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function exportPlanJson(plan: PlanSave, view: PlanProjectionView): PlanExportFile {
  return { fileName: `${slug(plan.name)}.json`, mimeType: 'application/json', encoding: 'utf8', content: `${JSON.stringify(view.input, null, 2)}\n` };
}

const WEEK_COLUMNS = ['week', 'week_start', 'volume', 'shrinkage', 'required_fte', 'tenured', 'in_ramp_heads', 'headcount', 'effective_fte', 'gap'] as const;

function weekRows(view: PlanProjectionView): (string | number)[][] {
  return view.projection.weeks.map((w) => [
    w.week,
    view.weekStarts[w.week],
    round(w.volume, 0),
    round(w.shrinkage, 4),
    round(w.requiredFte, 3),
    round(w.tenured, 3),
    round(w.headcount - w.tenured, 3),
    round(w.headcount, 3),
    round(w.effectiveFte, 3),
    round(w.gap, 3),
  ]);
}

export function exportPlanCsv(plan: PlanSave, view: PlanProjectionView): PlanExportFile {
  const lines = [WEEK_COLUMNS.join(','), ...weekRows(view).map((row) => row.map((v) => csvField(String(v))).join(','))];
  return { fileName: `${slug(plan.name)}-weeks.csv`, mimeType: 'text/csv', encoding: 'utf8', content: `${lines.join('\n')}\n` };
}

export async function exportPlanXlsx(plan: PlanSave, view: PlanProjectionView): Promise<PlanExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Staffwise';
  workbook.created = new Date();

  const weeks = workbook.addWorksheet('Weeks');
  weeks.addRow([...WEEK_COLUMNS, 'how: required', 'how: effective', 'how: gap']);
  weekRows(view).forEach((row, w) => weeks.addRow([...row, view.explanations[w].requiredFte, view.explanations[w].effectiveFte, view.explanations[w].gap]));
  weeks.getRow(1).font = { bold: true };
  weeks.views = [{ state: 'frozen', ySplit: 1 }];

  const months = workbook.addWorksheet('Months');
  months.addRow(['month', 'weeks', 'volume', 'mean required FTE', 'mean effective FTE', 'mean headcount', 'shortfall FTE-weeks', 'hires starting']);
  for (const m of monthlyRollUp(view.projection, view.weekStarts)) {
    months.addRow([m.month, m.weeks, round(m.volume, 0), round(m.requiredFte), round(m.effectiveFte), round(m.headcount), round(m.shortfallFteWeeks), m.hires]);
  }
  months.getRow(1).font = { bold: true };

  const classes = workbook.addWorksheet('Ramp schedules');
  classes.addRow(['class', 'ramp week', 'from', 'to', 'load', 'expected heads', 'focus', 'support']);
  for (const schedule of view.rampSchedules) {
    for (const row of schedule.weeks) classes.addRow([schedule.label, row.rampWeek, row.weekStart, row.weekEnd, row.load, round(row.expectedHeads), row.focus, row.support]);
  }
  classes.getRow(1).font = { bold: true };

  const assumptions = workbook.addWorksheet('Assumptions');
  const doc = plan.document;
  const facts: [string, string | number][] = [
    ['plan', plan.name],
    ['first week (Monday)', plan.startWeek],
    ['weeks', plan.weeks],
    ['hours per FTE (h/week)', doc.hoursPerFte],
    ['occupancy (fraction)', doc.occupancy],
    ['shrinkage (fraction)', doc.shrinkage],
    ['starting headcount', view.startingHeadcount.value],
    ['tenured attrition (monthly fraction)', doc.attrition.tenuredMonthly],
    ['new-hire attrition (monthly fraction)', doc.attrition.newHireMonthly],
    ['weekly cost per head', doc.costs.weeklyCostPerHead],
    ['cost per hire', doc.costs.hireCost],
    ['understaffing cost per FTE-week', doc.costs.understaffPerFteWeek],
    ['total cost', round(view.projection.cost.total)],
    ['cost per contact', round(view.projection.cost.perContact, 4)],
    ...view.queues.map((q): [string, string] => [`demand: ${q.name}`, `${q.forecastMethod}; ${q.staffingSummary}`]),
  ];
  facts.forEach((f) => assumptions.addRow(f));
  assumptions.getColumn(1).width = 38;

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${slug(plan.name)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: Buffer.from(buffer as ArrayBuffer).toString('base64'),
  };
}
