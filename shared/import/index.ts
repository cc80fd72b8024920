/**
 * The data-import layer: interval-count files and ticket exports read into the workspace's local interval grid.
 * Pure TypeScript without Node APIs, so it runs in a worker thread; the caller writes the results in one
 * database transaction.
 */
export { BadRowLog, DEFAULT_BAD_ROW_LIMIT, type BadRow, type BadRowReason, type BadRowSummary, type RowProblem } from './badRows';
export {
  describeSlot,
  formatOffset,
  INTERVAL_MINUTES,
  IntervalCalendar,
  isIntervalMinutes,
  type IntervalMinutes,
  type IntervalSlot,
} from './calendar';
export { decodeTextFile, UnreadableEncodingError, type DecodedText, type TextEncodingName } from './decodeText';
export { MAX_AHT_SEC, MAX_DAY_VOLUME, MAX_INTERVAL_VOLUME, MAX_QUEUE_NAME_CHARS } from './limits';
export { CsvRecordReader, detectDelimiter, type CsvReaderOptions, type CsvRecordSink } from './csvReader';
export { detectIntervalMinutes, type IntervalDetection, type TimedLine } from './intervalDetection';
export {
  parseIntervalCountsCsv,
  parseIntervalCountColumns,
  type IntervalCountColumnsResult,
  type IntervalCount,
  type IntervalCountColumns,
  type IntervalCountRow,
  type IntervalCountsOptions,
  type IntervalCountsResult,
} from './intervalCounts';
export { parseDecimal, parseDurationSeconds, type DurationUnit } from './numbers';
export {
  intervalStatuses,
  isWithinOpenHours,
  observeIntervals,
  type IntervalObservation,
  type IntervalStatus,
  type OpenHours,
  type OpenPeriod,
} from './openHours';
export {
  previewIntervalCountsCsv,
  previewTicketsCsv,
  type IntervalCountsPreview,
  type TicketPreview,
  type TicketPreviewOptions,
  type TicketPreviewRow,
} from './preview';
export { rollUpIntervalCounts } from './rollUp';
export {
  TicketAggregator,
  type LocalDateRange,
  type QueueIntervals,
  type TicketAggregate,
  type TicketAggregationOptions,
} from './ticketAggregation';
export { detectColumns, type HandleTimeColumn, type SuggestedTicketMapping, type TicketColumnMapping } from './ticketColumns';
export { aggregateTicketsCsv, ImportCancelledError, type ImportControl, type ImportSource } from './ticketImport';
export { BLANK_QUEUE, DEFAULT_QUEUE, TicketRowReader, type TicketRow } from './ticketRows';
export { ACCEPTED_TIMESTAMP_FORMS, parseTimestamp, type ParsedTimestamp } from './timestamp';
export { TimestampSequence } from './timestampSequence';
export { ZoneClock, type ReadingOrder } from './zoneClock';
export {
  detectSlaTicketColumns,
  MAX_ORGANIZATION_CHARS,
  NO_ORGANIZATION,
  parseSlaTicketsCsv,
  previewSlaTicketsCsv,
  readPriority,
  SlaTicketRowReader,
  type SlaTicketColumns,
  type SlaTicketMapping,
  type SlaTicketParse,
  type SlaTicketPreview,
  type SlaTicketRow,
  type SuggestedSlaTicketMapping,
  type TicketPriority,
} from './slaTickets';
