export async function benchScan(argv: string[]): Promise<void> {
  throw new Error(`not written yet (${argv.join(' ')})`);
}
