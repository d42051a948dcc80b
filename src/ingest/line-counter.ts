// Counts data lines (non-empty, not starting with '#') of a byte stream chunk by chunk, cheaply.
export class DataLineCounter {
  private atLineStart = true;
  private lineIsComment = false;
  private lineHasBytes = false;
  dataLines = 0;

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.atLineStart) {
        this.lineIsComment = chunk[pos] === 0x23; // '#'
        this.atLineStart = false;
        this.lineHasBytes = false;
      }
      const nl = chunk.indexOf(10, pos);
      const end = nl < 0 ? chunk.length : nl;
      if (end > pos && !(end - pos === 1 && chunk[pos] === 13)) this.lineHasBytes = true;
      if (nl < 0) return;
      this.endLine();
      pos = nl + 1;
    }
  }

  finish(): number {
    if (!this.atLineStart) this.endLine();
    return this.dataLines;
  }

  private endLine(): void {
    if (!this.lineIsComment && this.lineHasBytes) this.dataLines++;
    this.atLineStart = true;
  }
}
