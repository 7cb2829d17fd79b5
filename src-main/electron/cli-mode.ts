/**
 * `Quầy Một cửa.exe --cli WORDS…` (what resources/counter.cmd runs) makes the app binary the
 * `counter` tool: the CLI words are whatever follows `--cli`, so RunAsNode can stay fused off.
 * Returns undefined for a normal window launch. Plain function: no Electron import.
 */
export function cliArgsFromArgv(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--cli');
  return at < 0 ? undefined : argv.slice(at + 1);
}
