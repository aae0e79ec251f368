-- Run after init.lua on a draft (see try.sh): waits for factlint's
-- diagnostics, asks for a hover and the code actions at the first one,
-- prints what Neovim got, and quits.
local out = io.stdout
local got = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
if not got then
  out:write("no diagnostics within 60 s\n")
  vim.cmd("cquit 1")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  out:write(string.format("diagnostic %d:%d %s %s [%s] %s\n", d.lnum + 1, d.col + 1,
    d.source or "?", d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?",
    vim.diagnostic.severity[d.severity], d.message))
end
local first = vim.diagnostic.get(0)[1]
local pos = { line = first.lnum, character = first.col }
local uri = vim.uri_from_bufnr(0)
local hover = vim.lsp.buf_request_sync(0, "textDocument/hover",
  { textDocument = { uri = uri }, position = pos }, 30000)
for _, r in pairs(hover or {}) do
  if r.result then out:write("hover: " .. r.result.contents.value:gsub("\n", " | ") .. "\n") end
end
local last = vim.diagnostic.get(0)[#vim.diagnostic.get(0)]
local actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
  textDocument = { uri = uri },
  range = { start = { line = last.lnum, character = last.col }, ["end"] = { line = last.end_lnum, character = last.end_col } },
  context = { diagnostics = {} },
}, 30000)
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do out:write("code action: " .. a.title .. "\n") end
end
vim.cmd("qall!")
