/**
 * A structural check that bytes are a PDF, without a full parser: the header, a `startxref`
 * near the end that points at a cross-reference table or stream inside the file, and `%%EOF`.
 * Enough to refuse images, office files and renamed text; a viewer does the rest.
 */
export function pdfProblem(data: Uint8Array): string | null {
  if (data.byteLength < 64) return 'too short';
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(head)) return 'no %PDF- header';
  const tail = Buffer.from(data.subarray(Math.max(0, data.byteLength - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) return 'no %%EOF';
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return 'no startxref';
  const offset = Number(match[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= data.byteLength) return 'startxref outside the file';
  const at = Buffer.from(data.subarray(offset, offset + 32)).toString('latin1');
  // A classic table starts with "xref"; a cross-reference stream is an indirect object "n g obj".
  if (!/^(xref|\d+\s+\d+\s+obj)/.test(at)) return 'startxref points at neither xref nor an object';
  return null;
}
