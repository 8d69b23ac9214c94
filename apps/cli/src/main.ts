/**
 * The command line. Each command lives in commands/<name>.command.ts and
 * exports `run(argv): Promise<number>` (the exit code) and a one-line `summary`.
 */
const COMMANDS: Record<string, string> = {
  ingest: './commands/ingest.command.js',
  tail: './commands/tail.command.js',
  reenrich: './commands/reenrich.command.js',
  'dead-letters': './commands/dead-letters.command.js',
};

interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || !COMMANDS[name]) {
    process.stdout.write('usage: depeche <command> [options]\n\n');
    for (const [command, file] of Object.entries(COMMANDS)) {
      const loaded = (await import(file).catch(() => undefined)) as Command | undefined;
      if (loaded) process.stdout.write(`  ${command.padEnd(14)} ${loaded.summary}\n`);
    }
    return name && !['help', '--help'].includes(name) ? 2 : 0;
  }
  const command = (await import(COMMANDS[name]!)) as Command;
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
