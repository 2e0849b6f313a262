/** Which folder Review Changes reviews (pure: no VS Code types, unit-tested). */

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
