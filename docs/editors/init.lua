-- factlint in Neovim: put this in init.lua (needs `factlint` on PATH).
-- Markdown and plain-text buffers get factlint's diagnostics, quick fixes
-- (vim.lsp.buf.code_action) and hover (K) on an official's name.
local factlint = { name = "factlint", cmd = { "factlint", "lsp" }, root_dir = vim.fn.getcwd() }
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text" },
  callback = function(args)
    if vim.lsp.start then                      -- Neovim 0.8 and later
      vim.lsp.start(factlint, { bufnr = args.buf })
    else                                       -- Neovim 0.7 (Debian 12)
      factlint.id = factlint.id or vim.lsp.start_client(factlint)
      vim.lsp.buf_attach_client(args.buf, factlint.id)
    end
  end,
})
