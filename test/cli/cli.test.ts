import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStaffwise } from '../helpers/cli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();


const worked = ['capacity', '--volume', '500', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'];

describe('staffwise CLI', () => {
  it('prints the worked example as JSON', async () => {
    const { code, out } = await runStaffwise([...worked, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.requiredAgents).toBe(27.78);
    expect(json.requiredAgentsRounded).toBe(28);
    expect(json.rosteredAgents).toBeUndefined();
  });

  it('adds rostered agents with shrinkage', async () => {
    const { out } = await runStaffwise([...worked, '--shrinkage', '0.3', '--json']);
    expect(JSON.parse(out)).toMatchObject({ requiredAgentsRounded: 28, rosteredAgents: 40 });
  });

  it('prints every step without --json', async () => {
    const { out } = await runStaffwise(worked);
    expect(out).toMatch(/Workload\s+500 × 20 min\s+= 10000 min/);
    expect(out).toMatch(/Required agents\s+round up 27.78\s+= 28 agents/);
  });

  it.each([
    [['capacity', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'], /--volume is required/],
    [['capacity', '--volume', 'lots', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'], /--volume must be a number \(got "lots"\)/],
    [[...worked.slice(0, 7), '--utilization', '1.5'], /--utilization: Utilization cannot exceed 100%/],
    [[...worked.slice(0, 5), '--hours', '0', '--utilization', '0.75'], /--hours: Available hours must be greater than zero/],
    [[...worked, '--colour', 'red'], /Unknown option '--colour'/],
    [['forcast'], /unknown command "forcast"/],
  ])('exits 2 with a one-line message for %j', async (args, message) => {
    const { code, err } = await runStaffwise(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});

describe('staffwise erlang and requirements', () => {
  const published = ['erlang', '--calls', '100', '--interval-min', '30', '--aht-sec', '180', '--sl', '0.8', '--answer-sec', '20'];

  it('prints the published Erlang C case', async () => {
    const { code, out } = await runStaffwise([...published, '--shrinkage', '0.3', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ traffic: 10, agents: 14, agentsWithShrinkage: 20 });
    expect(r.serviceLevel).toBeCloseTo(0.8884, 3);
    expect(r.asaSec).toBeCloseTo(7.84, 1);
    expect(r.occupancy).toBeCloseTo(0.7143, 3);
    expect(r.pWait).toBeCloseTo(0.1741, 3);
    expect(r.pAbandon).toBeUndefined();
  });

  it('caps occupancy and evaluates Erlang A with --agents', async () => {
    expect(JSON.parse((await runStaffwise([...published, '--max-occupancy', '0.7', '--shrinkage', '0.3', '--json'])).out)).toMatchObject({ agents: 15, agentsWithShrinkage: 22 });
    const a = JSON.parse((await runStaffwise([...published, '--patience-sec', '300', '--agents', '14', '--json'])).out);
    expect(a.pWait).toBeCloseTo(0.14526, 4);
    expect(a.pAbandon).toBeCloseTo(0.013984, 5);
    expect(a.occupancy).toBeCloseTo(0.704297, 5);
    expect(a.asaSec).toBeCloseTo(4.195, 2);
  });

  it.each([
    [['erlang', '--calls', '100', '--interval-min', '30', '--aht-sec', '180', '--answer-sec', '20'], /--sl is required/],
    [[...published.slice(0, 7), '--sl', '1.5', '--answer-sec', '20'], /--sl: Service-level target must be between 0 and 1/],
    [[...published, '--concurrency', '2.5'], /--concurrency: Concurrency must be a whole number/],
    [['requirements', '--aht-sec', '180', '--sl', '0.8', '--answer-sec', '20', '--out', 'x.csv'], /--volumes is required/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await runStaffwise(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('writes timestamp,required,required_exact for a volume file, and refuses bad rows writing nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'v.csv'), 'timestamp,volume\n2026-11-16T09:00,50\n2026-11-16T09:30,100\n2026-11-16T10:00,0\n');
    const out = join(dir, 'r.csv');
    const ok = await runStaffwise(['requirements', '--volumes', join(dir, 'v.csv'), '--aht-sec', '180', '--sl', '0.8', '--answer-sec', '20', '--out', out, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ intervals: 3, intervalMin: 30, peakRequired: 14 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('timestamp,required,required_exact');
    expect(lines[2]).toMatch(/^2026-11-16T09:30,14,13\.04/);
    expect(lines[3]).toBe('2026-11-16T10:00,0,0.0000');

    writeFileSync(join(dir, 'bad.csv'), 'timestamp,volume\n2026-11-16T09:00,50\n2026-11-16T09:30,-4\n2026-11-16T10:00,20\n2026-11-16T10:30,25\n');
    const bad = await runStaffwise(['requirements', '--volumes', join(dir, 'bad.csv'), '--aht-sec', '180', '--sl', '0.8', '--answer-sec', '20', '--out', join(dir, 'bad-out.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 3/);
    expect(existsSync(join(dir, 'bad-out.csv'))).toBe(false);
  });
});

describe('staffwise forecast', () => {
  const bank = new URL('../fixtures/bank-calls/bank_calls_30min.csv', import.meta.url).pathname;

  it('forecasts the real bank history, skipping the closed weekend, with backtest scores', async () => {
    const out = join(tempDir(), 'f.csv');
    const { code, out: stdout, err } = await runStaffwise(['forecast', '--history', bank, '--horizon-days', '7', '--interval-min', '60', '--out', out, '--json']);
    expect(code, err).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.scores.length).toBeGreaterThanOrEqual(8);
    expect(summary.scores.map((s: { method: string }) => s.method)).toContain(summary.method);
    const naive = summary.scores.find((s: { method: string }) => s.method === 'seasonal-naive').wape;
    const chosen = summary.scores.find((s: { method: string }) => s.method === summary.method).wape;
    expect(chosen).toBeLessThan(naive);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('timestamp,forecast,lo80,hi80');
    const days = new Set(lines.slice(1).map((l) => l.slice(0, 10)));
    const weekdays = [...days].map((d) => new Date(`${d}T12:00:00Z`).getUTCDay());
    expect(weekdays).not.toContain(0);
    expect(weekdays).not.toContain(6);
    for (const line of lines.slice(1)) {
      const [, forecast, lo, hi] = line.split(',').map(Number);
      expect(lo).toBeLessThanOrEqual(forecast);
      expect(forecast).toBeLessThanOrEqual(hi);
    }
  }, 60_000);

  it('states the rule that chose the method and WAPE per interval and per day', async () => {
    const out = join(tempDir(), 'f.csv');
    const { code, out: stdout, err } = await runStaffwise(['forecast', '--history', bank, '--horizon-days', '7', '--interval-min', '60', '--out', out]);
    expect(code, err).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Method: ([a-z-]+) \(.*(has the lowest WAPE per interval|so [a-z-]+ is (used|kept)).*\)$/);
    expect(lines[0]).not.toContain('chosen by rolling-origin backtest');
    expect(lines[1]).toBe('WAPE per 60-minute interval (the choice uses it) and per day; MAPE per interval.');
    expect(lines[2]).toMatch(/WAPE\/int WAPE\/day/);
  }, 60_000);

  it.each([
    [['forecast', '--history', 'h.csv', '--out', 'f.csv'], /--horizon-days is required/],
    [['forecast', '--history', 'h.csv', '--horizon-days', '7', '--method', 'magic', '--out', 'f.csv'], /--method must be auto or one of/],
    [['forecast', '--history', 'h.csv', '--horizon-days', '0', '--out', 'f.csv'], /--horizon-days must be a whole number from 1 to 120/],
    [['forecast', '--history', 'no-such-file.csv', '--horizon-days', '7', '--out', 'f.csv'], /--history: cannot read no-such-file.csv \(ENOENT\)/],
    [['forecast', '--history', 'h.csv', '--horizon-days', '7', '--tz', 'Mars/Olympus', '--out', 'f.csv'], /--tz "Mars\/Olympus" is not an IANA time zone/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await runStaffwise(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('staffwise roster and schedule', () => {
  const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

  it('solves Curtois & Qu instance 1 to its published optimum with no hard violations', async () => {
    const out = join(tempDir(), 'roster.csv');
    const { code, out: stdout, err } = await runStaffwise(['roster', '--curtois', fixture('curtois/Instance1.txt'), '--time-limit-sec', '30', '--out', out, '--json']);
    expect(code, err).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.objective).toBe(607);
    expect(r.hardViolations).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('employee,day,shift');
  }, 90_000);

  it('reports a malformed instance with its line number', async () => {
    const bad = join(tempDir(), 'bad.txt');
    writeFileSync(bad, 'SECTION_HORIZON\nfourteen\n');
    const { code, err } = await runStaffwise(['roster', '--curtois', bad]);
    expect(code).toBe(2);
    expect(err).toMatch(/line 2/);
  });

  it('schedules named agents, writes the shared schedule CSV (one row per shift), and explains what cannot be covered', async () => {
    const out = join(tempDir(), 'schedule.csv');
    const { code, out: stdout, err } = await runStaffwise([
      'schedule', '--requirements', fixture('schedule/requirements.csv'), '--agents', fixture('schedule/agents.csv'),
      '--shifts', fixture('schedule/shifts.json'), '--time-limit-sec', '15', '--out', out, '--json',
    ]);
    expect(code, err).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.shifts).toBeGreaterThan(40);
    expect(summary.ruleViolations).toBe(0);
    expect(summary.underCoverageHours).toBeGreaterThanOrEqual(summary.lowerBoundUnderHours - 1e-6);
    const night = summary.explanations.find((e: { start: string; skill: string }) => e.start === '03:00' && e.skill === 'phone');
    expect(night.causes.map((c: { cause: string }) => c.cause)).toContain('no-template');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('agent,date,start,end,end_date,segments,skill,template,paid_hours,breaks');
    expect(lines[1]).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+,2026-11-1\d,\d\d:\d\d,\d\d:\d\d,2026-11-\d\d,[^,]+,(phone|chat|email),/);
    expect(lines.length - 1).toBe(summary.shifts);
  }, 120_000);

  it('names the line of a bad agents file', async () => {
    const agents = join(tempDir(), 'agents.csv');
    writeFileSync(agents, 'id,name,skills,max_shifts_week\na1,Ava,phone,5\na2,Liam,,5\n');
    const { code, err } = await runStaffwise(['schedule', '--requirements', fixture('schedule/requirements.csv'), '--agents', agents, '--out', join(tempDir(), 's.csv')]);
    expect(code).toBe(1);
    expect(err).toMatch(/agents.csv: line 3: the skills column is empty/);
  });
});

describe('staffwise import', () => {
  const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

  it('imports a ticket export and an interval file into the workspace, skipping bad rows with their lines', async () => {
    const dataDir = tempDir();
    const tickets = await runStaffwise(['import', '--tickets', fixture('zendesk-tickets.csv'), '--data-dir', dataDir, '--json']);
    expect(tickets.code, tickets.err).toBe(0);
    const { message } = JSON.parse(tickets.out);
    expect(message).toMatch(/^Imported 6 contacts into queues Billing \/ Email \(new, email\)/);
    expect(message).toMatch(/line 9: Created-at "not a date"/);
    const counts = await runStaffwise(['import', '--intervals', fixture('ny-fall-back-15min.csv'), '--queue-name', 'Night phones', '--channel', 'phone', '--data-dir', dataDir]);
    expect(counts.code, counts.err).toBe(0);
    expect(counts.out).toBe('Imported 210 contacts into queue Night phones (new, phone) on 2024-11-03: 20 intervals.');
  }, 60_000);

  it.each([
    [['import', '--data-dir', 'x'], /give exactly one of --intervals FILE or --tickets FILE/],
    [['import', '--tickets', 'a.csv', '--intervals', 'b.csv'], /give exactly one of/],
    [['import', '--intervals', 'x.csv', '--channel', 'fax'], /--channel must be one of phone, chat, email, social/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await runStaffwise(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('names a missing header column', async () => {
    const { code, err } = await runStaffwise(['import', '--tickets', fixture('zendesk-tickets.csv'), '--created-at', 'Opened', '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(err).toMatch(/--created-at: no column "Opened" in the header \(Ticket ID, Subject, Created at/);
  }, 60_000);
});

describe('staffwise forecast with drivers', () => {
  it('uses a daily driver in the regression method: a big mailing day forecasts higher', async () => {
    const dir = tempDir();
    const history = ['timestamp,volume'];
    const drivers = ['date,mailings'];
    const first = Date.UTC(2026, 8, 7); // Monday
    const mailings = (day: number) => (day % 9 === 4 ? 40 : 2);
    for (let day = 0; day < 56 + 7; day++) {
      const date = new Date(first + day * 86_400_000).toISOString().slice(0, 10);
      drivers.push(`${date},${day === 58 ? 40 : day >= 56 ? 2 : mailings(day)}`);
      if (day >= 56) continue;
      const dayTotal = 200 + 10 * mailings(day);
      for (let hour = 9; hour < 17; hour++) history.push(`${date}T${String(hour).padStart(2, '0')}:00,${Math.round(dayTotal / 8)}`);
    }
    writeFileSync(join(dir, 'h.csv'), history.join('\n'));
    writeFileSync(join(dir, 'd.csv'), drivers.join('\n'));
    const out = join(dir, 'f.csv');
    const { code, err } = await runStaffwise(['forecast', '--history', join(dir, 'h.csv'), '--drivers', join(dir, 'd.csv'), '--horizon-days', '7', '--method', 'regression', '--out', out]);
    expect(code, err).toBe(0);
    const totals = new Map<string, number>();
    for (const line of readFileSync(out, 'utf8').trim().split('\n').slice(1)) {
      const [start, forecast] = line.split(',');
      totals.set(start.slice(0, 10), (totals.get(start.slice(0, 10)) ?? 0) + Number(forecast));
    }
    const mailingDay = new Date(first + 58 * 86_400_000).toISOString().slice(0, 10);
    const others = [...totals].filter(([d]) => d !== mailingDay).map(([, v]) => v);
    expect(totals.get(mailingDay)!).toBeGreaterThan(1.3 * Math.max(...others));
  }, 60_000);

  it('names the line of a bad driver value', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.csv'), 'date,mailings\n2026-09-07,3\n2026-09-08,lots\n');
    const { code, err } = await runStaffwise(['forecast', '--history', new URL('../fixtures/bank-calls/bank_calls_30min.csv', import.meta.url).pathname, '--drivers', join(dir, 'd.csv'), '--horizon-days', '7', '--out', join(dir, 'f.csv')]);
    expect(code).toBe(1);
    expect(err).toMatch(/d\.csv: line 3: mailings "lots" is not a number/);
  });
});

describe('staffwise CLI on a database it cannot use', () => {
  it('prints one line, no stack trace, and exits 1 when the data file is not a database', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'staffwise.db'), Buffer.alloc(8192, 0x5a));
    const csv = new URL('../fixtures/import/ny-fall-back-15min.csv', import.meta.url).pathname;
    const { code, out, err } = await runStaffwise(['import', '--intervals', csv, '--queue-name', 'Night phones', '--channel', 'phone', '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^staffwise import: The data file .* is damaged \(SQLite found: file is not a database\)\. Staffwise will not write to it/);
    expect(err).not.toMatch(/\bat \S+ \(/);
  });
});
