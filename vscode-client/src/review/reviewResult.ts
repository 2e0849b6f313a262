/** Reading the server's review answer (pure: no VS Code types, unit-tested). */

/** The Markdown of a review answer `{ report, markdown }`, or a short explanation when it has none. */
export function reviewMarkdown(answer: unknown): string {
  if (typeof answer === 'object' && answer !== null && 'markdown' in answer) {
    const markdown = answer.markdown;
    if (typeof markdown === 'string' && markdown.trim() !== '') {
      return markdown;
    }
  }
  return '# Unsafe review\n\nThe language server returned no review for this workspace.\n';
}
