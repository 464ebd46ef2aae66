import { describe, expect, it } from 'vitest';
import { splitCodeSpans } from './code-spans';

describe('splitCodeSpans', () => {
  it.each([
    ['plain text', [{ text: 'plain text', isCode: false }]],
    [
      'Pin models in statement #1 (`BedrockAll`) of managed policy `bedrock-all`',
      [
        { text: 'Pin models in statement #1 (', isCode: false },
        { text: 'BedrockAll', isCode: true },
        { text: ') of managed policy ', isCode: false },
        { text: 'bedrock-all', isCode: true },
      ],
    ],
    ['`Deny` first', [{ text: 'Deny', isCode: true }, { text: ' first', isCode: false }]],
    ['one ` unpaired', [{ text: 'one ` unpaired', isCode: false }]],
    ['a `b` c ` d', [{ text: 'a ', isCode: false }, { text: 'b', isCode: true }, { text: ' c ` d', isCode: false }]],
  ])('%s', (text, parts) => {
    expect(splitCodeSpans(text)).toEqual(parts);
    expect(splitCodeSpans(text).map((part) => (part.isCode ? `\`${part.text}\`` : part.text)).join('')).toBe(text);
  });
});
