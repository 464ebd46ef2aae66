/**
 * Control characters in text that came from outside (imported files, IAM answers). No IAM name,
 * path, ARN or tag can hold one (IAM's character sets exclude them), so one is a sign of a forged
 * or corrupted file; rendered into a script, a log line or a terminal, it can end a line or
 * rewrite the screen.
 */

// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
const NAMED_ESCAPES: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r' };

/** True when the text holds a control character (including a line break). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** `U+000A` for the first control character of the text, or null. */
export function firstControlCharacter(text: string): string | null {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

function escapeOne(character: string): string {
  const code = character.charCodeAt(0);
  return NAMED_ESCAPES[code] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** The text with every control character written as a visible escape (`\n`, `\x1b`, `\u2028`): always one line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapeOne);
}
