/*
 * A cheap look at how deep a YAML text nests, before it is parsed. The YAML parser descends
 * recursively into nested flow collections (`[[[[...`) and compact block sequences
 * (`- - - - x`), so a few megabytes of them would exhaust the stack after seconds of work.
 * This scan reads the text once, without recursion, and counts only what is certainly a
 * level of nesting: brackets and braces that open a flow collection (not those inside quoted,
 * plain or block scalars, or comments), and the `-` and `?` indicators that open a block
 * collection on the same line. It never counts more levels than the document has, so a
 * document it flags is certainly too deep; the exact depth is checked after parsing.
 */

/** Where the scan found nesting deeper than allowed: a 0-based offset into the text. */
export interface DeepNesting {
  readonly offset: number;
}

/** The first place where `text` nests more than `maxDepth` levels on one line or in one flow collection, if any. */
export function findDeepNesting(text: string, maxDepth: number): DeepNesting | undefined {
  return new NestingScan(text, maxDepth).run();
}

class NestingScan {
  private i = 0;
  /** Lines indented more than this are the content of a block scalar (`|`, `>`), skipped; -1 when none is open. */
  private blockScalarIndent = -1;

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  public run(): DeepNesting | undefined {
    const { text } = this;
    while (this.i < text.length) {
      const lineStart = this.i;
      let indent = 0;
      while (text[this.i] === ' ') {
        this.i++;
        indent++;
      }
      const blank = this.i >= text.length || text[this.i] === '\n' || text[this.i] === '\r' || text[this.i] === '#';
      if (this.blockScalarIndent >= 0) {
        if (blank || indent > this.blockScalarIndent) {
          this.skipLine();
          continue;
        }
        this.blockScalarIndent = -1;
      }
      const found = this.blockLine(lineStart, indent);
      if (found) return found;
    }
    return undefined;
  }

  /** Reads one line in block context, from its first non-space character. */
  private blockLine(lineStart: number, indent: number): DeepNesting | undefined {
    const { text } = this;
    let depth = 0;
    let valueStart = true;
    while (this.i < text.length && text[this.i] !== '\n') {
      const c = text[this.i];
      if (valueStart && (c === '-' || c === '?') && this.separatedAt(this.i + 1)) {
        depth++;
        if (depth > this.maxDepth) return { offset: this.i };
        this.i++;
        this.skipSpaces();
        continue;
      }
      if (valueStart && (c === '&' || c === '!')) {
        while (this.i < text.length && !/[\s]/.test(text[this.i])) this.i++;
        this.skipSpaces();
        continue;
      }
      if (valueStart && (c === '[' || c === '{')) {
        const found = this.flow(depth);
        if (found) return found;
        valueStart = false;
        continue;
      }
      if (valueStart && (c === '"' || c === "'")) {
        this.quoted(c);
        valueStart = false;
        continue;
      }
      if (valueStart && (c === '|' || c === '>')) {
        this.blockScalarIndent = indent;
        this.skipLine();
        return undefined;
      }
      if (c === '#' && (this.i === lineStart || /\s/.test(text[this.i - 1]))) {
        this.skipLine();
        return undefined;
      }
      if (c === ':' && this.separatedAt(this.i + 1)) {
        this.i++;
        this.skipSpaces();
        valueStart = true;
        continue;
      }
      valueStart = false;
      this.i++;
    }
    this.i++;
    return undefined;
  }

  /** Reads a flow collection from its opening bracket, across lines, counting its depth on top of `base`. */
  private flow(base: number): DeepNesting | undefined {
    const { text } = this;
    let depth = 0;
    let scalarStart = true;
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === '[' || c === '{') {
        depth++;
        if (base + depth > this.maxDepth) return { offset: this.i };
        scalarStart = true;
      } else if (c === ']' || c === '}') {
        depth--;
        if (depth <= 0) {
          this.i++;
          return undefined;
        }
      } else if ((c === '"' || c === "'") && scalarStart) {
        this.quoted(c);
        scalarStart = false;
        continue;
      } else if (c === '#' && /\s/.test(text[this.i - 1] ?? ' ')) {
        while (this.i < text.length && text[this.i] !== '\n') this.i++;
        continue;
      } else if (c === ',' || c === ':' || /\s/.test(c)) {
        scalarStart = true;
      } else {
        scalarStart = false;
      }
      this.i++;
    }
    return undefined;
  }

  /** Skips a quoted scalar from its opening quote to its closing one (which may be lines further). */
  private quoted(quote: string): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      const c = text[this.i];
      if (quote === '"' && c === '\\') {
        this.i += 2;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && text[this.i + 1] === "'") {
          this.i += 2;
          continue;
        }
        this.i++;
        return;
      }
      this.i++;
    }
  }

  /** Whether the character at `at` separates an indicator from what follows: a space, a line end or the end. */
  private separatedAt(at: number): boolean {
    const c = this.text[at];
    return c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t';
  }

  private skipSpaces(): void {
    while (this.text[this.i] === ' ' || this.text[this.i] === '\t') this.i++;
  }

  private skipLine(): void {
    while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
    this.i++;
  }
}
