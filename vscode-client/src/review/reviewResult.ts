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

/**
 * The folder to review: the git repository of the active file when the open folder contains that
 * repository (a workspace whose crate is a repository one level down), as Source Control finds it;
 * else the open folder (which may be the repository or a folder inside it). Paths use `/`.
 */
export function reviewRoot(activeFile: string | undefined, workspaceFolder: string, isRepository: (dir: string) => boolean): string {
  const folder = workspaceFolder.replace(/\/+$/, '');
  if (!activeFile?.startsWith(`${folder}/`)) {
    return folder;
  }
  // walk up from the file to the workspace folder: the nearest repository below the folder wins
  let dir = activeFile.slice(0, activeFile.lastIndexOf('/'));
  while (dir.length > folder.length) {
    if (isRepository(dir)) {
      return dir;
    }
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return folder;
}
