// One error type for every bad-input case in the CLV readers, carrying the file, line and
// column so the CLI can print exactly where the problem is (and exit 2, no stack trace).
export class ClvInputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly detail: string;

  constructor(file: string, line: number | undefined, column: number | undefined, detail: string, columnName?: string) {
    const where = [
      file,
      line === undefined ? undefined : `line ${line}`,
      column === undefined ? undefined : `column ${column}${columnName ? ` (${columnName})` : ''}`,
    ]
      .filter((p) => p !== undefined)
      .join(', ');
    super(`${where}: ${detail}`);
    this.name = 'ClvInputError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}
