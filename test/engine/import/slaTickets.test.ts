import { describe, expect, it } from 'vitest';
import { detectSlaTicketColumns, readPriority } from '../../../shared/import';

describe('SLA ticket columns and priorities', () => {
  it('suggests Freshdesk columns: created and resolved time, priority, company', () => {
    const header = ['Ticket ID', 'Subject', 'Status', 'Priority', 'Source', 'Created time', 'Due by Time', 'Resolved time', 'First response time (in hrs)', 'Company Name', 'Time tracked'];
    expect(detectSlaTicketColumns(header)).toEqual({ createdAt: 5, solvedAt: 7, priority: 3, organization: 9, handleTime: { column: 10, unit: 'seconds' } });
  });

  it('takes a tier or plan column for the organization when there is no organization column, and never a duration for the solved time', () => {
    const header = ['Number', 'Opened at', 'Resolution time (minutes)', 'Closed', 'Severity', 'Customer tier'];
    // A resolution time is waiting plus work: never taken for the handle time.
    expect(detectSlaTicketColumns(header)).toEqual({ createdAt: 1, solvedAt: 3, priority: 4, organization: 5, handleTime: null });
  });

  it('reads the usual priority names onto P1…P5', () => {
    const read = (values: string[]) => values.map(readPriority);
    expect(read(['Urgent', 'High', 'Normal', 'Low'])).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(read(['urgent', 'high', 'Medium', 'low'])).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(read(['1 - Critical', '2 - High', '3 - Moderate', '4 - Low', '5 - Planning'])).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(read(['P1', 'p5', 'Sev 2', '3'])).toEqual(['P1', 'P5', 'P2', 'P3']);
    expect(read(['', '-', 'Whenever', '7'])).toEqual([null, null, null, null]);
  });
});
