/**
 * The ticket mix: the share of tickets in each priority × tier cell. Entered as shares per cell, built from a
 * share per priority and a share per tier (independent), or counted from imported tickets.
 */
import { z } from 'zod';
import { PRIORITIES, type Priority } from './policy';

const shareField = z.number({ error: 'Share must be a number' }).refine((v) => v >= 0 && v <= 1, 'Share must be from 0 to 1, e.g. 0.15 for 15%');

export const slaMixSchema = z
  .object({
    cells: z
      .array(
        z
          .object({
            priority: z.enum(PRIORITIES, { error: 'Priority must be one of P1, P2, P3, P4, P5' }),
            tier: z.string().min(1, 'Tier is required').max(60, 'A tier id is at most 60 characters'),
            share: shareField,
          })
          .strict(),
      )
      .min(1, 'The mix needs at least one cell'),
  })
  .strict()
  .superRefine((mix, ctx) => {
    const total = mix.cells.reduce((sum, c) => sum + c.share, 0);
    if (Math.abs(total - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['cells'], message: `Mix shares add up to ${(total * 100).toFixed(2)}%, not 100%` });
    const seen = new Set<string>();
    mix.cells.forEach((c, i) => {
      const key = `${c.priority}|${c.tier}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['cells', i], message: `${c.priority} × ${c.tier} appears twice in the mix` });
      seen.add(key);
    });
  });

export type SlaMix = z.infer<typeof slaMixSchema>;

/** Independent priority and tier shares: cell share = priority share × tier share. */
export function mixFromShares(priorityShares: Partial<Record<Priority, number>>, tierShares: Record<string, number>): SlaMix {
  const cells = PRIORITIES.flatMap((priority) =>
    Object.entries(tierShares).map(([tier, tierShare]) => ({ priority, tier, share: (priorityShares[priority] ?? 0) * tierShare })),
  ).filter((c) => c.share > 0);
  return { cells };
}

/** The mix counted from tickets: share = tickets in the cell ÷ all tickets. */
export function mixFromCounts(counts: { priority: Priority; tier: string; tickets: number }[]): SlaMix {
  const total = counts.reduce((sum, c) => sum + c.tickets, 0);
  if (total <= 0) throw new Error('No tickets to estimate the mix from');
  return { cells: counts.filter((c) => c.tickets > 0).map((c) => ({ priority: c.priority, tier: c.tier, share: c.tickets / total })) };
}

export function shareOf(mix: SlaMix, priority: Priority, tier: string): number {
  return mix.cells.find((c) => c.priority === priority && c.tier === tier)?.share ?? 0;
}
