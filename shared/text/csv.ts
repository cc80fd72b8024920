/** One CSV field: quoted when it holds a quote, comma or line break (\r included), with quotes doubled (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
