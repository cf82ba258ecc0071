/** The pixel size of a PNG (its IHDR), after checking the signature: what a test reads from bytes a platform received. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const at = bytes.indexOf(signature);
  if (at < 0 || bytes.toString('ascii', at + 12, at + 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(at + 16), height: bytes.readUInt32BE(at + 20) };
}
