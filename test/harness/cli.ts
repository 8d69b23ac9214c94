/** Runs a CLI command's run() in this process, with the environment it would get and its output captured. */
export async function runCommand(
  command: { run(argv: string[], io: { env: NodeJS.ProcessEnv; write(text: string): void; signal?: AbortSignal }): Promise<number> },
  argv: string[],
  env: NodeJS.ProcessEnv,
  // A failing test must not leave `tail` following forever and hang jest.
  signal: AbortSignal = AbortSignal.timeout(15_000),
): Promise<{ code: number; output: string; lines: string[] }> {
  let output = '';
  const code = await command.run(argv, { env, write: (text) => (output += text), signal });
  return { code, output, lines: output.split('\n').filter(Boolean) };
}
