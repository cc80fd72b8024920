/** Counts in words, with thousands separators and the right plural: "1 day", "14 days", "11,765 contacts". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${n === 1 ? one : many}`;
}
