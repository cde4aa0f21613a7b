// Saves a file the service returned through a Blob URL: a handover export (base64) or an exchange
// file (text). The desktop app's download handler asks where to save it.
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(filename: string, mime: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  downloadBlob(filename, new Blob([bytes], { type: mime }));
}

export const downloadText = (filename: string, mime: string, text: string): void =>
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
