/** Saves an exported file through the browser's download. */
import type { ScheduleExportFile } from '../../../../shared/api/channels/schedule';

export function download(file: ScheduleExportFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
