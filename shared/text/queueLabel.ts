/**
 * A queue as a planner reads it: "Billing & Accounts (phone)". The channel is added only when the name does not
 * already say it (the demo and many imports name queues with their channel), so no "(phone) (phone)".
 */
export function queueLabel(queue: { name: string; channel: string }): string {
  return queue.name.toLowerCase().includes(queue.channel.toLowerCase()) ? queue.name : `${queue.name} (${queue.channel})`;
}
