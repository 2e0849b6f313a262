-- Neovim 0.7.2 headless driver for the unsafe-hints editor tests (run by EditorE2ETest).
-- env: LSP_CMD_JSON  the server command as a JSON array
--      LSP_OUT       where to write the result JSON
--      LSP_ROOT      the workspace folder (the fixture crate)
-- The file to test is the buffer nvim was started with. Exit code 0 = ok, 1 = error (see "error").
-- Every failure, also in reading the environment, ends nvim with exit code 1: a Lua error at the
-- top level would leave a headless nvim running forever.
local out_path = os.getenv('LSP_OUT') or 'nvim-e2e-result.json'
local server_cmd, root
local result = {}
local published = {}   -- every publishDiagnostics params the server sent, in order

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.lsp.stop_client(vim.lsp.get_active_clients(), false)
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

-- the 0-based line and column (bytes = UTF-16 units on these ASCII lines) of a text in the buffer
local function find(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('not in the buffer: ' .. text)
end

local function latest()
  return published[#published]
end

local function count(diags, code)
  local n = 0
  for _, d in ipairs(diags) do if d.code == code then n = n + 1 end end
  return n
end

local ok, err = pcall(function()
  server_cmd = vim.fn.json_decode((assert(os.getenv('LSP_CMD_JSON'), 'LSP_CMD_JSON not set')))
  root = assert(os.getenv('LSP_ROOT'), 'LSP_ROOT not set')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'rust'   -- -u NONE: no filetype detection; the languageId comes from it
  local client_id = vim.lsp.start_client({
    name = 'unsafe-hints',
    cmd = server_cmd,
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, res, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(e, res, ctx, config)
        table.insert(published, res)
      end,
    },
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  assert(vim.wait(30000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return result.server_exit ~= nil or (c ~= nil and c.initialized)
  end, 20) and not result.server_exit, 'the server exited or initialize timed out')
  result.client = 'Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor)

  -- 1. diagnostics for the file as opened
  assert(vim.wait(30000, function() return latest() ~= nil and #latest().diagnostics > 0 end, 20),
    'no diagnostics')
  result.diagnostics = latest().diagnostics
  result.shown = #vim.diagnostic.get(bufnr)

  -- 2. hover on the `unsafe` of the block in `first`
  local line, col = find(bufnr, 'unsafe { *p }')
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local resps = assert(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000), 'hover failed')
  result.hover = resps[client_id] and resps[client_id].result or vim.NIL

  -- 3. an edit (incremental didChange) followed by new diagnostics
  local before = count(latest().diagnostics, 'unsafe-block')
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false,
    { '', 'pub fn added(p: *mut u8) {', '    unsafe { *p = 0 }', '}' })
  assert(vim.wait(30000, function() return count(latest().diagnostics, 'unsafe-block') == before + 1 end, 20),
    'no new diagnostics after the edit')
  result.diagnostics_after_edit = latest().diagnostics

  -- 4. the quick fix for the missing SAFETY comment, applied as the user would
  line, col = find(bufnr, 'unsafe { *p }')
  local range = { start = { line = line, character = col }, ['end'] = { line = line, character = col + 6 } }
  resps = assert(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = { diagnostics = {} } }, 10000),
    'codeAction failed')
  local actions = resps[client_id] and resps[client_id].result or {}
  result.code_actions = {}
  local fix
  for _, a in ipairs(actions) do
    table.insert(result.code_actions, a.title)
    if not fix and a.title:find('SAFETY', 1, true) and a.edit then fix = a end
  end
  assert(fix, 'no SAFETY quick fix offered')
  local missing_before = count(latest().diagnostics, 'missing-safety-comment')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.line_above_after_fix = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  -- the inserted template is no argument yet: the finding stays and says so
  assert(vim.wait(30000, function()
    for _, d in ipairs(latest().diagnostics) do
      if d.code == 'missing-safety-comment' and d.message:find('still the template', 1, true) then return true end
    end
    return false
  end, 20), 'the template did not keep a finding')
  result.template_warning = true
  -- 5. say why in place of the placeholder: the finding goes
  local placeholder = '<explain why every condition below holds here>'
  local pline, pcol = find(bufnr, placeholder)
  vim.api.nvim_buf_set_text(bufnr, pline, pcol, pline, pcol + #placeholder, { 'the caller passes a valid pointer' })
  assert(vim.wait(30000, function()
    return count(latest().diagnostics, 'missing-safety-comment') == missing_before - 1
  end, 20), 'writing the SAFETY argument did not remove the finding')
  result.diagnostics_after_fix = latest().diagnostics

  -- 6. code lenses: Neovim does not run the extension's command, so the lenses carry none
  resps = assert(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeLens',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 10000), 'codeLens failed')
  result.lenses = {}
  for _, l in ipairs(resps[client_id] and resps[client_id].result or {}) do
    table.insert(result.lenses, { title = l.command and l.command.title or vim.NIL,
      command = l.command and l.command.command or vim.NIL })
  end
end)
if not ok then result.error = tostring(err) end
finish(ok and 0 or 1)
