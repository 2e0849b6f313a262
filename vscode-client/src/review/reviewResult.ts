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

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The review's "at line N" of each site as a link that opens the file at that line from the
 * Markdown preview (`file:///root/path#LN`). Files are named by the `<summary><code>path</code>`
 * that opens their section, relative to `rootUri` (the reviewed folder). Only for the editor: the
 * server's Markdown stays free of local paths, as a pull-request comment must be.
 */
export function linkLocations(markdown: string, rootUri: string): string {
  const root = rootUri.endsWith('/') ? rootUri : `${rootUri}/`;
  let file: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const summary = /<summary><code>([^<]+)<\/code>/.exec(line);
      if (summary?.[1] !== undefined) {
        file = unescapeHtml(summary[1]);
        return line;
      }
      if (file === undefined || !line.startsWith('#### ')) {
        return line;
      }
      const target = root + file.split('/').map(encodeURIComponent).join('/');
      return line.replace(/\) at line (\d+) — /, (_all, n: string) => `) at [line ${n}](${target}#L${n}) — `);
    })
    .join('\n');
}
