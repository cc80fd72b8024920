/** Saves a file the services produced (text or base64) through the browser's download. */
export function download(file: { fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
