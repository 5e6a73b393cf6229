// file-type is ESM only: loaded with import() from this CommonJS build, once.
type FileTypeModule = typeof import('file-type');
let fileType: Promise<FileTypeModule> | undefined;

/** The MIME type the content of `file` shows (magic numbers, container structure), or undefined when unknown. */
export async function sniffFile(file: string): Promise<string | undefined> {
  fileType ??= import('file-type');
  return (await (await fileType).fileTypeFromFile(file))?.mime;
}
