/**
 * A small builder for sparse linear models: columns and rows are added by index, then packed into the row-major
 * arrays HiGHS accepts directly, which avoids writing and re-parsing LP text for models with tens of thousands of
 * columns.
 */
export interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integer: Uint8Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStarts: Int32Array;
  rowIndices: Int32Array;
  rowValues: Float64Array;
}

export interface ColumnSpec {
  cost?: number;
  lower?: number;
  upper?: number;
  integer?: boolean;
}

export class LinearModelBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowIndices: number[] = [];
  private readonly rowValues: number[] = [];

  get columnCount(): number {
    return this.cost.length;
  }

  addColumn({ cost = 0, lower = 0, upper = Infinity, integer = false }: ColumnSpec = {}): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  setCost(column: number, cost: number): void {
    this.cost[column] = cost;
  }

  /** Adds lower ≤ Σ coefficient·column ≤ upper; duplicate columns in one row are merged. */
  addRow(columns: readonly number[], coefficients: readonly number[], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    columns.forEach((column, i) => merged.set(column, (merged.get(column) ?? 0) + coefficients[i]));
    for (const [column, value] of merged) {
      if (value === 0) continue;
      this.rowIndices.push(column);
      this.rowValues.push(value);
    }
    this.rowStarts.push(this.rowIndices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  build(): LinearModel {
    return {
      numCols: this.cost.length,
      numRows: this.rowLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowIndices: Int32Array.from(this.rowIndices),
      rowValues: Float64Array.from(this.rowValues),
    };
  }
}
