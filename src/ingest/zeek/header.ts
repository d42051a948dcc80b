// Zeek ASCII (TSV) log header: `#separator`, `#set_separator`, `#empty_field`, `#unset_field`, `#path`,
// `#fields`, `#types`, `#open`, `#close`. A `#separator` line after data starts a new header block
// (concatenated rotated logs).

let versions = 0;
function nextVersion(): number {
  return ++versions;
}

export class ZeekHeader {
  separator = '\t';
  setSeparator = ',';
  emptyField = '(empty)';
  unsetField = '-';
  path: string | null = null;
  fields: string[] | null = null;
  types: string[] | null = null;
  /** Changes (unique across header blocks) whenever #fields/#types/#separator do, so column maps get rebuilt. */
  version = nextVersion();

  /** Applies one `#…` line; returns false when it is not a known directive (a comment). */
  apply(line: string): boolean {
    if (line.startsWith('#separator')) {
      const value = line.slice('#separator'.length).trim();
      this.separator = unescapeZeek(value) || '\t';
      this.version = nextVersion();
      return true;
    }
    const sep = line.indexOf(this.separator);
    if (sep < 0) return line === '#close' || line === '#open';
    const key = line.slice(1, sep);
    const rest = line.slice(sep + this.separator.length);
    switch (key) {
      case 'set_separator': this.setSeparator = unescapeZeek(rest); return true;
      case 'empty_field': this.emptyField = rest; return true;
      case 'unset_field': this.unsetField = rest; return true;
      case 'path': this.path = rest; return true;
      case 'fields': this.fields = rest.split(this.separator); this.version = nextVersion(); return true;
      case 'types': this.types = rest.split(this.separator); this.version = nextVersion(); return true;
      case 'open': case 'close': return true;
      default: return false;
    }
  }
}

/** Undoes Zeek's `\xHH` escaping (used for separators, non-printables and a literal unset/empty value). */
export function unescapeZeek(s: string): string {
  if (s.indexOf('\\x') < 0) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const at = s.indexOf('\\x', i);
    if (at < 0 || at + 4 > s.length) { out += s.slice(i); break; }
    const code = parseInt(s.slice(at + 2, at + 4), 16);
    if (Number.isNaN(code)) { out += s.slice(i, at + 2); i = at + 2; continue; }
    out += s.slice(i, at) + String.fromCharCode(code);
    i = at + 4;
  }
  return out;
}
