// Errors that carry the exit code the CLI should use (DESIGN §5: 2 = usage or input error).
export class HoptraceError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'HoptraceError';
  }
}

/** Bad input or usage: names the file and position where known. Exit 2. */
export class InputError extends HoptraceError {
  constructor(message: string, readonly file?: string, readonly position?: { line?: number; offset?: number }) {
    super(InputError.format(message, file, position), 2);
    this.name = 'InputError';
  }
  static format(message: string, file?: string, position?: { line?: number; offset?: number }): string {
    if (!file) return message;
    const where = position?.line != null ? `:${position.line}` : position?.offset != null ? ` @ byte ${position.offset}` : '';
    return `${file}${where}: ${message}`;
  }
}
