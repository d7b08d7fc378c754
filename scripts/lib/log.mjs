// Progress lines for the local stack's commands: one line a step, errors in one line with the fix.

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

export const step = (text) => console.log(`${paint('36', '▸')} ${text}`);
export const done = (text) => console.log(`${paint('32', '✓')} ${text}`);
export const warn = (text) => console.log(`${paint('33', '!')} ${text}`);

/** An error a user can act on: what went wrong and what to do about it. */
export class StackError extends Error {
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
}

/** Runs a command's main function; prints a StackError as one line plus its fix and exits 1. */
export async function main(fn) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof StackError) {
      console.error(`${paint('31', '✗')} ${error.message}`);
      if (error.fix) console.error(`  fix: ${error.fix}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
