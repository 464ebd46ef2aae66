import { describe, expect, it } from 'vitest';
import { csvStreamResponse } from './csv-stream-response';

function* batches() {
  yield [{ name: 'ml-pipeline', score: 72 }];
  yield [
    { name: 'a "quoted", name', score: 5 },
    { name: 'n/a', score: 0 },
  ];
}

describe('csvStreamResponse', () => {
  it('streams the header then every batch, as a CSV download', async () => {
    const response = csvStreamResponse({ header: ['name', 'score'], batches: batches(), toCells: (row) => [row.name, row.score], filename: 'principals-scan-3.csv' });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="principals-scan-3.csv"');
    const text = await response.text();
    const lines = text.split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('ml-pipeline');
    expect(lines[2]).toContain('"a ""quoted"", name"');
  });
});
