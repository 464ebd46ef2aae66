import { toCsvLine } from '@/lib/export/csv';

type Cell = string | number | boolean | null | undefined;

/**
 * A list page's CSV export as a streamed response: the header line, then one batch of rows per
 * pull (the query's generator reads the next batch only when the client is ready for it).
 */
export function csvStreamResponse<Row>({ header, batches, toCells, filename }: { header: readonly string[]; batches: Iterator<Row[]>; toCells: (row: Row) => Cell[]; filename: string }): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsvLine([...header])));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => toCsvLine(toCells(row))).join('')));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' } });
}
