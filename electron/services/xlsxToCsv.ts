/**
 * A spreadsheet export (XLSX) read as the CSV text the importers take: the first worksheet, row by row, each cell
 * as it reads in the sheet. Dates become 'YYYY-MM-DD HH:mm:ss' wall-clock times (a spreadsheet date has no zone:
 * it is the time as typed, read in the workspace's zone like a CSV's), formulas give their result.
 */
import ExcelJS from 'exceljs';
import { csvField } from '../../shared/text/csv';

export class UnreadableWorkbookError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function xlsxToCsv(bytes: Uint8Array): Promise<{ text: string; sheet: string; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(`The file is not an XLSX workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new UnreadableWorkbookError('The workbook has no worksheet with rows');
  const width = sheet.columnCount;
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(csvField(cellText(row.getCell(column).value)));
    lines.push(cells.join(','));
  });
  return { text: `${lines.join('\n')}\n`, sheet: sheet.name, rows: lines.length };
}
