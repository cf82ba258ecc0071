import { TextDecoder } from 'node:util';

/** Charset named by a Content-Type header, an XML declaration or an HTML meta tag, if any. */
function declaredCharset(bytes: Uint8Array, contentType: string): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return (
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

/**
 * Decodes a fetched body to text using the charset the server or the document declares (UTF-8
 * when none is declared or the label is unknown).
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const label = declaredCharset(bytes, contentType) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
