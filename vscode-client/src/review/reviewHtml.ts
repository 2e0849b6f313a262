/**
 * The review panel's page: one card per changed unsafe site with its location (a link that opens
 * the file there), its checklist as checkboxes and an "Approve this site" button. Pure (unit-tested):
 * the panel passes a fresh nonce. The page loads nothing and runs only its
 * own script, which carries the nonce; colours and fonts come from the VS Code theme's variables.
 */
import type { ChecklistEntry, ReviewView, SiteView } from './reviewModel';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown-light as the server writes it: backticks mark code, nothing else is markup. */
function inline(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

/**
 * Nothing from anywhere, not even the extension's own files (the page needs none); its one style
 * element and its one script only, by this page's nonce.
 */
export function reviewContentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const MARK_LABEL: Record<ChecklistEntry['mark'], string> = {
  argue: 'argue',
  gap: 'missing',
  ok: 'in place',
  info: 'context',
};

function location(file: string, line: number, column: number, text: string): string {
  return `<a href="#" class="location" data-file="${escapeHtml(file)}" data-line="${line}" data-column="${column}" title="Open ${escapeHtml(file)} at line ${line}">${escapeHtml(text)}</a>`;
}

function statusText(s: SiteView): string {
  if (s.status === 'reviewed' && s.approval) return `approved by ${s.approval.by} on ${s.approval.date}`;
  if (s.status === 'stale' && s.approval) return `stale: approved by ${s.approval.by} on ${s.approval.date}, before its item changed`;
  return s.status;
}

function checklist(s: SiteView): string {
  const items = s.checklist.map((e, i) => {
    const id = `c-${s.hash}-${i}`;
    const where = e.line === undefined ? '' : ` ${location(s.file, e.line, e.column ?? 1, `line ${e.line}`)}`;
    const quote = e.quote.length === 0 ? '' : `<blockquote>${e.quote.map(escapeHtml).join('<br>')}</blockquote>`;
    return `<li class="level-${Math.min(e.level, 3)} mark-${e.mark}"><input type="checkbox" id="${id}" data-key="${id}">` +
      `<label for="${id}"><span class="mark">${MARK_LABEL[e.mark]}</span> ${inline(e.text)}</label>${where}${quote}</li>`;
  });
  return items.length === 0 ? '' : `<ul class="checklist">${items.join('')}</ul>`;
}

function card(s: SiteView): string {
  const approved = s.status === 'reviewed';
  const note = s.approval && s.approval.note !== '' ? `<p class="note">“${escapeHtml(s.approval.note)}”</p>` : '';
  return `<section class="site status-${s.status}" data-hash="${s.hash}" data-file="${escapeHtml(s.file)}">` +
    `<h2>${location(s.file, s.line, s.column, `${s.file}:${s.line}:${s.column}`)} <span class="kind">${escapeHtml(s.kind)}</span>` +
    ` <span class="status">${escapeHtml(statusText(s))}</span></h2>` +
    `<p class="item">in <code>${escapeHtml(s.item)}</code> · ${escapeHtml(s.change)} · <code>${escapeHtml(s.hash.slice(0, 8))}</code></p>` +
    `<pre><code>${escapeHtml(s.excerpt)}</code></pre>${note}${checklist(s)}` +
    `<p class="actions"><button type="button" class="approve" data-hash="${s.hash}" data-file="${escapeHtml(s.file)}"${approved ? ' disabled' : ''}>` +
    `${approved ? 'Approved' : 'Approve this site'}</button></p></section>`;
}

const STYLE = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1.5em 2em;line-height:1.45}
h1{font-size:1.4em;font-weight:600}
h2{font-size:1.05em;font-weight:600;margin:0 0 .3em}
code,pre{font-family:var(--vscode-editor-font-family)}
pre{background:var(--vscode-textCodeBlock-background);padding:.4em .6em;white-space:pre-wrap;overflow-wrap:anywhere}
a{color:var(--vscode-textLink-foreground)}a:hover{color:var(--vscode-textLink-activeForeground)}
.site{border:1px solid var(--vscode-panel-border,var(--vscode-widget-border,#8884));border-radius:4px;padding:.7em 1em;margin:1em 0;overflow-wrap:anywhere}
.kind,.status,.mark{font-size:.85em;font-weight:normal;padding:0 .4em;border-radius:3px;background:var(--vscode-badge-background);color:var(--vscode-badge-foreground)}
.status-reviewed .status{background:var(--vscode-testing-iconPassed,#388a34);color:var(--vscode-editor-background)}
.status-stale .status,.status-unreviewed .status{background:var(--vscode-editorWarning-foreground,#bf8803);color:var(--vscode-editor-background)}
.item{color:var(--vscode-descriptionForeground);margin:.2em 0}
.note{font-style:italic}
.checklist{list-style:none;padding-left:0}
.checklist li{margin:.25em 0}
.level-1{margin-left:1.6em!important}.level-2,.level-3{margin-left:3.2em!important}
.mark-gap .mark{background:var(--vscode-editorWarning-foreground,#bf8803);color:var(--vscode-editor-background)}
.mark-ok .mark{background:var(--vscode-testing-iconPassed,#388a34);color:var(--vscode-editor-background)}
input[type=checkbox]{accent-color:var(--vscode-button-background);margin-right:.4em}
input:checked+label{opacity:.7}
blockquote{margin:.3em 0 .3em 2em;padding-left:.6em;border-left:3px solid var(--vscode-textBlockQuote-border);color:var(--vscode-descriptionForeground)}
button{font:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:1px solid var(--vscode-button-border,transparent);padding:.25em .9em;border-radius:2px;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground)}
button:disabled{opacity:.6;cursor:default}
:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:1px}
`;

/**
 * The page's script: location links and approve buttons post a message to the extension (which
 * opens the file, or asks for the note and writes the ledger), checkbox ticks are kept in the
 * webview's state (so they survive the panel being hidden), and an approval the extension reports
 * marks its card. It never builds HTML from data: text goes in through textContent.
 */
export const REVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { checked: {} };
  for (const box of document.querySelectorAll('input[type=checkbox][data-key]')) {
    box.checked = !!state.checked[box.dataset.key];
    box.addEventListener('change', () => {
      state.checked[box.dataset.key] = box.checked;
      vscode.setState(state);
    });
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.location');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', file: link.dataset.file, line: Number(link.dataset.line), column: Number(link.dataset.column) });
      return;
    }
    const button = event.target.closest('button.approve');
    if (button && !button.disabled) {
      button.disabled = true;
      button.textContent = 'Approving…';
      vscode.postMessage({ type: 'approve', file: button.dataset.file, hash: button.dataset.hash });
    }
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    const card = [...document.querySelectorAll('section.site')].find((s) => s.dataset.hash === message.hash);
    if (!card) return;
    const button = card.querySelector('button.approve');
    if (message.type === 'approved') {
      const toReview = document.getElementById('to-review');
      if (toReview && !card.classList.contains('status-reviewed')) toReview.textContent = String(Math.max(0, Number(toReview.textContent) - 1));
      card.classList.remove('status-unreviewed', 'status-stale');
      card.classList.add('status-reviewed');
      card.querySelector('.status').textContent = 'approved by ' + message.by + ' on ' + message.date;
      button.textContent = 'Approved';
      button.disabled = true;
    } else if (message.type === 'notApproved') {
      button.textContent = 'Approve this site';
      button.disabled = false;
    }
  });
})();`;

export interface PageOptions {
  readonly nonce: string;
  readonly title: string;
}

export function reviewPage(view: ReviewView, options: PageOptions): string {
  const toReview = view.sites.filter((s) => s.status !== 'reviewed').length;
  const files = new Set(view.sites.map((s) => s.file)).size;
  const since = view.base === '' ? '' : `, changed since ${escapeHtml(view.base)}${view.baseCommit === '' ? '' : ` (<code>${escapeHtml(view.baseCommit)}</code>)`}`;
  const summary = `<p class="summary"><strong>${plural(view.sites.length, 'unsafe site')}</strong> in ${plural(files, 'file')}${since}: ` +
    `<span id="to-review">${toReview}</span> to review.${view.removed > 0 ? ` ${plural(view.removed, 'unsafe site')} removed.` : ''}</p>`;
  const body = view.sites.length === 0 ? '<p>No unsafe code added or changed.</p>' : view.sites.map(card).join('');
  const notes = view.notes.length === 0 ? '' : `<h2>Notes</h2><ul>${view.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${reviewContentSecurityPolicy(options.nonce)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(options.title)}</title><style nonce="${options.nonce}">${STYLE}</style></head>` +
    `<body><h1>Unsafe Hints review</h1>${summary}<main>${body}</main>${notes}` +
    `<script nonce="${options.nonce}">${REVIEW_SCRIPT}</script></body></html>`;
}
