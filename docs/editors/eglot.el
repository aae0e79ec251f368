;; factlint in Emacs with eglot (built into Emacs 29; on Emacs 28 install
;; eglot from GNU ELPA, or Debian's elpa-eglot). Needs `factlint' on PATH.
;; Markdown and plain-text buffers get factlint's diagnostics in Flymake,
;; quick fixes (M-x eglot-code-actions) and hover (eldoc) on an official.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode text-mode) . ("factlint" "lsp"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))
