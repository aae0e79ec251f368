;; Run in batch after eglot.el on a draft (see try.sh): batch Emacs runs no
;; command loop, so eglot is started directly; then wait for factlint's
;; diagnostics in Flymake, print them and quit.
(require 'eglot)
(require 'markdown-mode nil t)
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(unless (eglot-current-server)
  (apply #'eglot (eglot--guess-contact)))
(let ((deadline (+ (float-time) 60)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.2)))
(unless (flymake-diagnostics)
  (princ "no diagnostics within 60 s\n")
  (kill-emacs 1))
(princ (format "server: %s, languageId: %s\n"
               (plist-get (eglot--server-info (eglot-current-server)) :name)
               (eglot--language-id (eglot-current-server))))
(dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (save-excursion
    (goto-char (flymake-diagnostic-beg d))
    (princ (format "diagnostic %d:%d %s %s\n" (line-number-at-pos) (1+ (current-column))
                   (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))
(eglot-shutdown (eglot-current-server))
(kill-emacs 0)
