/**
 * Precompression of a built site: beside each text file (pages, scripts, styles, JSON, SVG,
 * manifests) a Brotli (name.br, quality 11) and a gzip (name.gz, level 9) copy, kept only when
 * smaller. PocketBase sends them with Content-Encoding (pocketbase/site.go), so nothing is
 * compressed per request. Uses Node's zlib, on its thread pool.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const compressibleExtensions = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt', '.xml']);
/** Below this, compression saves less than a packet and costs a header. */
const minimumBytes = 512;

export interface CompressedSizes {
  raw: number;
  br?: number;
  gzip?: number;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return textFiles(full);
    return compressibleExtensions.has(path.extname(name)) ? [full] : [];
  });
}

/** Compresses one file (replacing older .br/.gz copies); returns its sizes. */
export async function compressFile(file: string): Promise<CompressedSizes> {
  const body = readFileSync(file);
  const sizes: CompressedSizes = { raw: body.length };
  for (const ext of ['.br', '.gz']) if (existsSync(file + ext)) unlinkSync(file + ext);
  if (body.length < minimumBytes) return sizes;
  const [br, gzipped] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: 9 }),
  ]);
  if (br.length < body.length) {
    writeFileSync(file + '.br', br);
    sizes.br = br.length;
  }
  if (gzipped.length < body.length) {
    writeFileSync(file + '.gz', gzipped);
    sizes.gzip = gzipped.length;
  }
  return sizes;
}

/** Compresses every text file under outDir; returns sizes by path relative to outDir. */
export async function precompress(outDir: string, concurrency = 4): Promise<Map<string, CompressedSizes>> {
  const files = textFiles(outDir);
  const sizes = new Map<string, CompressedSizes>();
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      sizes.set(path.relative(outDir, file).split(path.sep).join('/'), await compressFile(file));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  return sizes;
}

/** The bytes a browser that accepts Brotli receives. */
export function wireBytes(s: CompressedSizes): number {
  return s.br ?? s.gzip ?? s.raw;
}
