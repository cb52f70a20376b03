// Opening a zip package (.docx, .odt) without trusting it. A crafted file may expand to
// hundreds of megabytes from a few kilobytes (a "zip bomb"): the sizes its directory declares
// are checked before anything is expanded, per part and in total, and a part is expanded in
// JSZip's chunks with a running count that stops expanding the moment it passes the cap
// (a part may declare less than it holds).
import JSZip from 'jszip';

const MB = 1024 * 1024;
/** The most one part of a package may expand to (a large Word template's document is a few MB). */
export const ZIP_PART_CAP = 32 * MB;
/** The most all parts of a package may expand to together. */
export const ZIP_TOTAL_CAP = 64 * MB;

export const ZIP_TOO_LARGE = `Filen packas upp till mer än ${ZIP_TOTAL_CAP / MB} MB och lästes inte in – den kan vara skadad eller gjord för att krascha program.`;

/** A package whose parts would expand past the caps. */
export class ZipTooLarge extends Error {
  constructor() {
    super(ZIP_TOO_LARGE);
    this.name = 'ZipTooLarge';
  }
}

export interface SafeZip {
  /** The names of the package's files (not folders). */
  names: string[];
  /** A part as text (UTF-8), or null when there is no such part; ZipTooLarge past the caps. */
  text(name: string): Promise<string | null>;
}

/** JSZip's directory entry keeps the declared size (not in its typings). */
const declaredSize = (file: JSZip.JSZipObject): number | null => {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size >= 0 ? size : null;
};

interface ChunkStream {
  on(event: 'data', run: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'end', run: () => void): ChunkStream;
  on(event: 'error', run: (error: Error) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** Expand one part chunk by chunk, stopping as soon as it passes `budget` bytes. */
function expand(file: JSZip.JSZipObject, budget: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        size += chunk.length;
        if (size > budget) {
          done = true;
          stream.pause();
          reject(new ZipTooLarge());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error) => {
        if (!done) reject(error);
        done = true;
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          out.set(chunk, at);
          at += chunk.length;
        }
        resolve(out);
      })
      .resume();
  });
}

/** Open a package; ZipTooLarge when its directory declares more than the caps, JSZip's error when it is not a zip. */
export async function openZip(data: Uint8Array | ArrayBuffer | Blob): Promise<SafeZip> {
  const zip = await JSZip.loadAsync(data);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  let declared = 0;
  for (const file of files) {
    const size = declaredSize(file) ?? 0;
    if (size > ZIP_PART_CAP) throw new ZipTooLarge();
    declared += size;
  }
  if (declared > ZIP_TOTAL_CAP) throw new ZipTooLarge();
  let expanded = 0;
  const decoder = new TextDecoder('utf-8');
  return {
    names: files.map((f) => f.name),
    async text(name) {
      const file = zip.file(name);
      if (!file) return null;
      const bytes = await expand(file, Math.min(ZIP_PART_CAP, ZIP_TOTAL_CAP - expanded));
      expanded += bytes.length;
      return decoder.decode(bytes);
    },
  };
}
