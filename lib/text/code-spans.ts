export interface TextPart {
  text: string;
  isCode: boolean;
}

/**
 * Splits text written with Markdown-style `code spans` (recommendation titles and details, which
 * the CLI and exports print as they are) into plain and code parts. An unpaired backtick is text.
 */
export function splitCodeSpans(text: string): TextPart[] {
  const pieces = text.split('`');
  // An even number of pieces means one backtick is unpaired: join the last two back together.
  if (pieces.length % 2 === 0) pieces.splice(pieces.length - 2, 2, `${pieces[pieces.length - 2]}\`${pieces[pieces.length - 1]}`);
  return pieces.map((piece, index) => ({ text: piece, isCode: index % 2 === 1 })).filter((part) => part.text !== '' || part.isCode);
}
