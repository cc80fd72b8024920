/**
 * The exact integer model of the rules (see types.ts / the Curtois README), as sparse arrays for HiGHS.
 *
 * x[e,d,t] = 1 when employee e works shift t on day d. Cells that can never hold t (a day off, a type the employee
 * may not work) get no column at all, which keeps the model compact for the 32-bit solver. "Works on day d" is the
 * sum of the cell's columns; cover shortage and excess are continuous columns; one binary per employee and weekend
 * marks a worked weekend when the weekend limit could bind.
 */
import type { ModelData } from 'highs';
import { FREE, OFF, mayWork, type IndexedProblem } from './indexedProblem';
import type { Cells } from './evaluate';

/** A MIP whose solutions are rosters: the compact model here, or the column master in columnGeneration.ts. */
export type MipFormulation = {
  data: ModelData;
  /** A full column vector for a roster, for use as a MIP start. */
  columnsOf: (cells: Cells) => Float64Array;
  cellsOf: (columns: ArrayLike<number>) => Cells;
};

type Term = [column: number, coefficient: number];

/**
 * `allowsCell` leaves out the columns of free cells it refuses (locked cells keep theirs), e.g. shift types that
 * could not help a neighbourhood; every roster of the model then only uses the cells it allows.
 */
export function buildMipModel(indexed: IndexedProblem, allowsCell: (e: number, d: number, t: number) => boolean = () => true): MipFormulation {
  const { employeeCount: E, dayCount: D, shiftCount: T } = indexed;
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: (0 | 1)[] = [];
  const addColumn = (c: number, lo: number, hi: number, isInteger: boolean): number => {
    cost.push(c);
    lower.push(lo);
    upper.push(hi);
    integer.push(isInteger ? 1 : 0);
    return cost.length - 1;
  };

  const x = new Int32Array(E * D * T).fill(-1);
  let impossibleLocks = 0;
  const at = (e: number, d: number, t: number) => (e * D + d) * T + t;
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const lock = indexed.locked[e][d];
      for (let t = 0; t < T; t++) {
        const allowed = mayWork(indexed, e, d, t) && (lock !== FREE || allowsCell(e, d, t));
        if (!allowed) continue;
        x[at(e, d, t)] = addColumn(indexed.offWeight[e][d][t] - indexed.onWeight[e][d][t], lock === t ? 1 : 0, 1, true);
      }
      // A shift locked where the rules allow none (a day off, a type the employee may not work) cannot be met.
      if (lock >= 0 && x[at(e, d, lock)] < 0) impossibleLocks++;
    }
  }
  const xColumn = (e: number, d: number, t: number) => x[at(e, d, t)];
  const worksTerms = (e: number, d: number, coefficient: number): Term[] => {
    const terms: Term[] = [];
    for (let t = 0; t < T; t++) {
      const column = xColumn(e, d, t);
      if (column >= 0) terms.push([column, coefficient]);
    }
    return terms;
  };

  const rows = new RowCollector();
  if (impossibleLocks > 0) rows.add([], 1, Infinity);
  for (let e = 0; e < E; e++) addEmployeeRows(indexed, e, rows, xColumn, worksTerms);

  const under: number[][] = [];
  const over: number[][] = [];
  for (let d = 0; d < D; d++) {
    under.push([]);
    over.push([]);
    for (let t = 0; t < T; t++) {
      const requirement = indexed.coverRequirement[d][t];
      if (indexed.underWeight[d][t] === 0 && indexed.overWeight[d][t] === 0) {
        under[d].push(-1);
        over[d].push(-1);
        continue;
      }
      const short = addColumn(indexed.underWeight[d][t], 0, requirement, false);
      const extra = addColumn(indexed.overWeight[d][t], 0, Infinity, false);
      under[d].push(short);
      over[d].push(extra);
      const terms: Term[] = [[short, 1], [extra, -1]];
      for (let e = 0; e < E; e++) if (xColumn(e, d, t) >= 0) terms.push([xColumn(e, d, t), 1]);
      rows.add(terms, requirement, requirement);
    }
  }

  // Weekend indicators exist only where the limit could bind; columnsOf fills them from the roster.
  const weekendColumns: { e: number; weekend: number; column: number }[] = [];
  for (let e = 0; e < E; e++) {
    const workable = new Set<number>();
    for (let d = 0; d < D; d++) if (indexed.weekendOfDay[d] >= 0 && worksTerms(e, d, 1).length > 0) workable.add(indexed.weekendOfDay[d]);
    const limit = indexed.problem.employees[e].maxWeekends;
    if (workable.size <= limit) continue;
    const limitTerms: Term[] = [];
    for (const weekend of workable) {
      const column = addColumn(0, 0, 1, true);
      weekendColumns.push({ e, weekend, column });
      limitTerms.push([column, 1]);
      for (let d = 0; d < D; d++) {
        if (indexed.weekendOfDay[d] === weekend) rows.add([...worksTerms(e, d, 1), [column, -1]], -Infinity, 0);
      }
    }
    rows.add(limitTerms, -Infinity, limit);
  }

  const columnCount = cost.length;
  const data: ModelData = {
    numCols: columnCount,
    numRows: rows.count,
    offset: indexed.totalOnWeight,
    colCost: cost,
    colLower: lower,
    colUpper: upper,
    rowLower: rows.lower,
    rowUpper: rows.upper,
    matrix: { format: 'csr', numRows: rows.count, numCols: columnCount, starts: rows.starts, indices: rows.indices, values: rows.values },
    integrality: integer,
  };

  const columnsOf = (cells: Cells): Float64Array => {
    const values = new Float64Array(columnCount);
    for (let e = 0; e < E; e++) {
      for (let d = 0; d < D; d++) {
        const t = cells[e][d];
        if (t >= 0 && xColumn(e, d, t) >= 0) values[xColumn(e, d, t)] = 1;
      }
    }
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) {
        if (under[d][t] < 0) continue;
        let count = 0;
        for (let e = 0; e < E; e++) if (cells[e][d] === t) count++;
        const requirement = indexed.coverRequirement[d][t];
        values[under[d][t]] = Math.max(0, requirement - count);
        values[over[d][t]] = Math.max(0, count - requirement);
      }
    }
    for (const { e, weekend, column } of weekendColumns) {
      values[column] = cells[e].some((t, d) => t !== OFF && indexed.weekendOfDay[d] === weekend) ? 1 : 0;
    }
    return values;
  };

  const cellsOf = (columns: ArrayLike<number>): Cells =>
    Array.from({ length: E }, (_, e) =>
      Array.from({ length: D }, (_, d) => {
        for (let t = 0; t < T; t++) if (xColumn(e, d, t) >= 0 && columns[xColumn(e, d, t)] > 0.5) return t;
        return OFF;
      }),
    );

  return { data, columnsOf, cellsOf };
}

function addEmployeeRows(
  indexed: IndexedProblem,
  e: number,
  rows: RowCollector,
  xColumn: (e: number, d: number, t: number) => number,
  worksTerms: (e: number, d: number, coefficient: number) => Term[],
): void {
  const { dayCount: D, shiftCount: T } = indexed;
  const rules = indexed.problem.employees[e];

  // Cannot follow: shift t today excludes every forbidden successor tomorrow (at most one shift a day makes the
  // aggregated row as tight as the pairwise ones).
  for (let d = 0; d + 1 < D; d++) {
    for (let t = 0; t < T; t++) {
      if (xColumn(e, d, t) < 0) continue;
      const terms: Term[] = [[xColumn(e, d, t), 1]];
      for (let u = 0; u < T; u++) if (indexed.forbiddenNext[t][u] && xColumn(e, d + 1, u) >= 0) terms.push([xColumn(e, d + 1, u), 1]);
      if (terms.length > 1) rows.add(terms, -Infinity, 1);
    }
  }
  for (let d = 0; d < D; d++) {
    const terms = worksTerms(e, d, 1);
    if (terms.length > 1) rows.add(terms, -Infinity, 1);
  }

  for (let t = 0; t < T; t++) {
    const terms: Term[] = [];
    for (let d = 0; d < D; d++) if (xColumn(e, d, t) >= 0) terms.push([xColumn(e, d, t), 1]);
    if (terms.length > indexed.maxShifts[e][t]) rows.add(terms, -Infinity, indexed.maxShifts[e][t]);
  }

  const minuteTerms: Term[] = [];
  for (let d = 0; d < D; d++) for (let t = 0; t < T; t++) if (xColumn(e, d, t) >= 0) minuteTerms.push([xColumn(e, d, t), indexed.shiftMinutes[t]]);
  rows.add(minuteTerms, rules.minTotalMinutes, rules.maxTotalMinutes);

  // Max consecutive: every window of max+1 days inside the horizon has a day off (outside the horizon is off).
  const maxRun = rules.maxConsecutiveShifts;
  for (let d = 0; d + maxRun < D; d++) {
    const terms: Term[] = [];
    for (let i = 0; i <= maxRun; i++) terms.push(...worksTerms(e, d + i, 1));
    if (terms.length > maxRun) rows.add(terms, -Infinity, maxRun);
  }

  // Min consecutive rules, as "a run that starts on day d lasts at least n days": a run touching an edge of the
  // horizon is exempt, as the neighbouring period may continue it, so only runs starting after day 0 are bound,
  // and only by days inside the horizon. (Tighter than forbidding each too-short pattern, and fewer rows.)
  for (let first = 1; first < D; first++) {
    for (let i = 1; i < rules.minConsecutiveShifts && first + i < D; i++) {
      // works(first) − works(first − 1) ≤ works(first + i)
      rows.add([...worksTerms(e, first, 1), ...worksTerms(e, first - 1, -1), ...worksTerms(e, first + i, -1)], -Infinity, 0);
    }
    for (let i = 1; i < rules.minConsecutiveDaysOff && first + i < D; i++) {
      // works(first − 1) − works(first) ≤ 1 − works(first + i)
      rows.add([...worksTerms(e, first - 1, 1), ...worksTerms(e, first, -1), ...worksTerms(e, first + i, 1)], -Infinity, 1);
    }
  }
}

/** Accumulates rows in CSR form; drops rows without columns that are satisfied anyway. */
class RowCollector {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  get count(): number {
    return this.lower.length;
  }

  add(terms: Term[], lo: number, hi: number): void {
    if (terms.length === 0 && lo <= 0 && hi >= 0) return;
    for (const [column, coefficient] of terms) {
      this.indices.push(column);
      this.values.push(coefficient);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
}
