/** `1 article`, `3 articles`; `many` for words whose plural is not the word and an s (`quantities`). */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
