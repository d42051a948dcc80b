// Minimal RFC 4180 line splitter (quoted fields, doubled quotes); fields spanning lines are not supported.
// Blanks around a quoted field are allowed: abuse.ch ThreatFox writes `"a", "b"`.
export function splitCsvLine(line: string, delim = ','): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const q = skipBlanks(line, i, delim);
    if (line[q] === '"') {
      i = q + 1;
      let v = '';
      for (;;) {
        if (i >= line.length) return null; // unterminated quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') { v += '"'; i += 2; continue; }
          i++;
          break;
        }
        v += line[i++];
      }
      out.push(v);
      i = skipBlanks(line, i, delim);
      if (i < line.length && line[i] !== delim) return null;
    } else {
      const end = line.indexOf(delim, i);
      out.push((end < 0 ? line.slice(i) : line.slice(i, end)).trim());
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // skip delimiter
  }
}

/** Index of the first character at or after i that is not a blank (a blank delimiter is not skipped). */
function skipBlanks(line: string, i: number, delim: string): number {
  while (i < line.length && line[i] !== delim && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}
