/** Where a command writes; tests pass their own. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Draw a live progress line (only on a terminal). */
  interactive: boolean;
}

export const processIo = (): CommandIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
});

/** Renders rows as an aligned text table. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function progressLine(done: number, total: number, label: string): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(-50).padEnd(50)}`;
}
