import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | string[] | null;

/** Rows for one table in PostgreSQL's COPY text format, built up and sent in one COPY. */
export class CopyBuffer {
  private lines: string[] = [];

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  get size(): number {
    return this.lines.length;
  }

  add(values: CopyValue[]): void {
    this.lines.push(values.map(encode).join('\t'));
  }

  /** Sends the buffered rows with COPY on a pooled connection and empties the buffer. */
  async flush(pool: pg.Pool): Promise<void> {
    if (!this.lines.length) return;
    const text = this.lines.join('\n') + '\n';
    this.lines = [];
    const client = await pool.connect();
    try {
      const sql = `copy ${this.table} (${this.columns.join(', ')}) from stdin`;
      await pipeline(Readable.from([text]), client.query(copyFrom(sql)));
    } finally {
      client.release();
    }
  }
}

function encode(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return escape(`{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return escape(String(value));
}

// COPY text format: backslash, tab, newline and carriage return are the only special characters.
function escape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
