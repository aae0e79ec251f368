#!/usr/bin/env bash
# Run the README's Neovim and Emacs set-ups against `factlint lsp` on a
# small draft, headless, and print what each editor received. Not part of
# CI (.ci/run tests the server with a JSON-RPC conversation of its own).
# Needs: factlint on PATH (or FACTLINT=/path/to/factlint), and nvim and/or
# emacs with eglot and markdown-mode (Debian: neovim, emacs-nox, elpa-eglot,
# elpa-markdown-mode).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${FACTLINT:-}" ]; then
  mkdir "$work/bin" && ln -s "$FACTLINT" "$work/bin/factlint" && export PATH="$work/bin:$PATH"
fi
cat > "$work/draft.md" <<'DRAFT'
---
date: 2024-06-21
---

In response to the agreement, US President Joe Blinken said that his country
would consider new measures. Ukrainian Foreign Minister Dmitry Kuleba said
Kyiv welcomed the talks.
DRAFT
cd "$work"
if command -v nvim >/dev/null; then
  echo "== $(nvim --version | head -1)"
  timeout 120 nvim --headless -u "$here/init.lua" -c "luafile $here/nvim-check.lua" draft.md
fi
if command -v emacs >/dev/null; then
  echo "== $(emacs --version | head -1)"
  timeout 120 emacs --batch -l "$here/eglot.el" -l "$here/emacs-check.el" draft.md 2>/dev/null
fi
