import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const TICKET_EXPORT = fileURLToPath(new URL('../fixtures/sla/tickets.csv', import.meta.url));

const METRICS: [string, RegExp][] = [
  ['ticketsPerAgentDay', /total tickets in the day ÷ FTE/],
  ['handleTimeTrend', /least-squares line/],
  ['utilization', /ticket time .* ÷ available time/],
  ['backlog', /created at least 24 h before the moment counted and not solved by then/],
  ['coverageGaps', /scheduled agents < 50% of the required agents/],
  ['costPerTicket', /support cost ÷ tickets/],
  ['slaCompliance', /answered within its first-response target/],
];

test('the Dashboard shows each capacity metric with its formula, the cost example, and the action for a red interval', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByTestId('agent-count')).toContainText('40');

  for (const [id, formula] of METRICS) {
    const card = page.getByTestId(`metric-${id}`);
    await card.hover();
    await expect(page.getByTestId(`formula-${id}`)).toBeVisible();
    await expect(page.getByTestId(`formula-${id}`)).toContainText(formula);
  }
  await expect(page.getByTestId('metric-ticketsPerAgentDay').locator('.card__value')).not.toHaveText('–');
  await expect(page.getByTestId('metric-backlog')).toContainText('Import a ticket export with created and solved times');
  await expect(page.getByTestId('rag-board')).toContainText('No published schedule yet');

  // The cost model opens on the worked example: $75,000 a year, 6,000 tickets, $12.50 a ticket, $1.25 saved by a
  // 10% shorter handle time, 300 tickets = $3,750 avoided by 5% better first-contact resolution.
  const step = (label: string) => page.getByTestId('cost-steps').locator('tbody tr').filter({ has: page.getByRole('cell', { name: label, exact: true }) }).locator('td.num');
  await expect(step('Full cost per agent')).toHaveText('75,000 $ per agent per year');
  await expect(step('Tickets per agent per year')).toHaveText('6,000 tickets');
  await expect(step('Cost per ticket')).toHaveText('12.5 $ per ticket');
  await expect(step('Handle-time cut saving per ticket')).toHaveText('1.25 $ per ticket');
  await expect(step('Tickets avoided by better first-contact resolution')).toHaveText('300 tickets per agent per year');
  await expect(step('FCR gain saving per agent')).toHaveText('3,750 $ per agent per year');
  // A fraction typed into a % field is refused, not read as 0.1%.
  await page.getByTestId('cost-ahtCutPct').fill('0.1');
  await expect(page.getByTestId('cost-model').getByRole('alert')).toContainText('Did you mean 10%?');
  await page.getByTestId('cost-ahtCutPct').fill('10');

  // Publish a week, then rate its intervals.
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByTestId('sched-time-limit').fill('8');
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('version 1 (draft)', { timeout: 90_000 });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('sched-publish').click();
  await expect(page.getByTestId('sched-status')).toHaveText('Published v1');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('rag-board')).toContainText('published week of 2026-11-09');
  const red = page.locator('[data-testid="rag-cell"][data-status="red"]').first();
  await red.click();
  const detail = page.getByTestId('rag-detail');
  await expect(detail).toContainText('red');
  await expect(page.getByTestId('rag-actions')).toContainText(/Action: (All hands|Pull agents|Call in backups)/);
  // Utilization now reads the published week (its value depends on how many shifts the short solve placed).
  await page.getByTestId('metric-utilization').hover();
  await expect(page.getByTestId('formula-utilization')).toContainText('week of 2026-11-09');
});

test('editing an SLA cell changes the requirement and the compliance', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/sla`);
  await page.getByTestId('sla-policy').selectOption({ label: 'Blueprint example (8 agents + 1 lead)' });
  const answer = page.getByTestId('sla-answer');
  await expect(answer).toContainText('No:');
  await expect(answer).toContainText('11 agents keep every cell at 95% or better');
  const row = page.getByTestId('sla-row-P2-smb');
  await expect(row).toContainText('SLA without capacity');
  const inTargetBefore = await row.getByTestId('sla-in-target').textContent();
  const hoursBefore = await page.getByTestId('sla-agent-hours').locator('.card__value').textContent();

  // SMB P2 from 4 h to 30 min: it becomes a queue, needs more agents and fewer of its tickets are answered in time.
  await page.getByTestId('sla-cell-P2-smb').fill('30');
  await expect(row).toContainText('queue (Erlang C)');
  await expect(row.getByTestId('sla-in-target')).not.toHaveText(inTargetBefore!);
  await expect(page.getByTestId('sla-agent-hours').locator('.card__value')).not.toHaveText(hoursBefore!);
  const hoursAfter = Number((await page.getByTestId('sla-agent-hours').locator('.card__value').textContent())!.replace(/,/g, ''));
  expect(hoursAfter).toBeGreaterThan(Number(hoursBefore!.replace(/,/g, '')));

  // Twelve agents instead of eight: every promise kept.
  await page.getByTestId('sla-cell-P2-smb').fill('240');
  await page.getByTestId('sla-headcount').fill('12');
  await expect(answer).toContainText('Yes:');
  await expect(row).toContainText('kept');
});

test('a ticket export gives the Dashboard its backlog and the SLA policy an estimated mix', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/sla`);
  await expect(page.getByTestId('sla-tickets-none')).toBeVisible();
  await page.getByTestId('sla-tickets-file').setInputFiles(TICKET_EXPORT);
  // Zendesk-style headers are mapped on their own; the three bad rows are named by line and column.
  await expect(page.getByTestId('sla-tickets-map-solvedAt').locator('option:checked')).toHaveText('Solved at');
  await expect(page.getByTestId('sla-tickets-map-organization').locator('option:checked')).toHaveText('Organization');
  await expect(page.getByTestId('sla-tickets-counts')).toContainText('12 of 15 rows read as tickets (P1 2, P2 3, P3 5, P4 2); 3 bad rows will be skipped');
  await expect(page.getByTestId('sla-tickets-bad-rows')).toContainText('Line 15: Column "Priority": "Whenever" is not a priority');
  await page.getByTestId('sla-tickets-import').click();
  await expect(page.getByTestId('sla-tickets-message')).toContainText('Stored 12 tickets for SLA planning');
  await expect(page.getByTestId('sla-tickets-latest')).toContainText('backlog open over 24 h: 3 tickets');
  // Time tracked: 165 min over the 10 tickets that have it.
  await expect(page.getByTestId('sla-tickets-handle')).toContainText('16.5 min per ticket (Σ handle time ÷ 10 tickets that have one)');
  await page.getByTestId('sla-use-ticket-handle').click();
  await expect(page.getByTestId('sla-aht')).toHaveValue('16.5');

  // "Acme Enterprise" is mapped to Enterprise by its name; the other organizations are given their tiers here.
  await expect(page.getByTestId('sla-tier-of-Acme Enterprise')).toHaveValue('enterprise');
  await page.getByTestId('sla-tier-of-Beta Co').selectOption('business');
  await page.getByTestId('sla-tier-of-Gamma LLC').selectOption('starter');
  await page.getByTestId('sla-tickets-save-tiers').click();
  // 11 tickets with a tier: Beta Co's three P3 tickets are 3 ÷ 11 = 27.3% of them.
  await expect(page.getByTestId('sla-mix-estimated-P3-business')).toContainText('27.3% /');
  await expect(page.getByTestId('sla-mix-formula')).toContainText('÷ 11 tickets counted (1 of 12 left out');
  await page.getByTestId('sla-use-estimated-mix').click();
  await expect(page.getByTestId('sla-mix-P3-business')).toHaveValue(/^27\.27/);
  await expect(page.getByTestId('sla-mix-estimated-P3-business')).toContainText('27.3% / 27.3%');
  await page.getByTestId('sla-use-ticket-week').click();
  await expect(page.getByText(/12 imported tickets' created times/)).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('metric-backlog').locator('.card__value')).toHaveText('3');
  await page.getByTestId('metric-backlog').hover();
  await expect(page.getByTestId('formula-backlog')).toContainText('12 tickets from tickets.csv');
  await expect(page.getByTestId('chart-backlog')).toBeVisible();
});

test('projecting a week with a holiday closes it on the SLA clock', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/sla`);
  await page.getByTestId('sla-policy').selectOption({ label: 'Blueprint example (8 agents + 1 lead)' });
  const openHours = page.getByTestId('sla-steps').locator('tbody tr').filter({ hasText: 'Open hours a week' });
  await expect(openHours).toContainText('40 hours');
  await page.getByTestId('sla-holidays').fill('2026-12-25');
  await page.getByTestId('sla-week').fill('2026-12-22');
  await expect(page.getByRole('alert').filter({ hasText: 'Week start must be a Monday' })).toBeVisible();
  await page.getByTestId('sla-week').fill('2026-12-21');
  // Friday the 25th is closed: 32 open hours, and 8 × 80% × 40 h × 32 ÷ 40 = 204 agent-hours for the team.
  await expect(openHours).toContainText('32 hours');
  await expect(openHours).toContainText('in the week of 2026-12-21, holidays closed');
  await expect(page.getByTestId('sla-steps').locator('tbody tr').filter({ hasText: 'Productive agent-hours a week' })).toContainText('204 agent-hours');
});
