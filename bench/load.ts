export async function benchLoad(argv: string[]): Promise<void> {
  throw new Error(`not written yet (${argv.join(' ')})`);
}
