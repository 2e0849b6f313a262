;;; eglot-e2e.el --- Emacs 28 + eglot 1.9 batch driver for the unsafe-hints editor tests  -*- lexical-binding: t; -*-
;; Run by EditorE2ETest: emacs --batch -l eglot-e2e.el FILE
;; env: LSP_CMD_JSON (server command, JSON array), LSP_OUT (result JSON), LSP_ROOT (workspace folder).
(require 'package)
(package-initialize)                 ; puts Debian's elpa eglot on the load path (do not use -Q)
(require 'eglot)
(require 'flymake)
(require 'json)
(require 'project)

(defvar e2e-out (getenv "LSP_OUT"))
(defvar e2e-cmd (append (json-read-from-string (getenv "LSP_CMD_JSON")) nil))
(defvar e2e-root (file-name-as-directory (getenv "LSP_ROOT")))
(defvar e2e-result nil)
(defvar e2e-published nil "Every publishDiagnostics params, newest first.")
(defun e2e-put (k v) (push (cons k v) e2e-result))

;; Stock Emacs 28 has no rust-mode; eglot derives languageId "rust" from the mode name.
(define-derived-mode rust-mode prog-mode "Rust")
(add-to-list 'auto-mode-alist '("\\.rs\\'" . rust-mode))
(add-to-list 'eglot-server-programs `(rust-mode . ,e2e-cmd))
;; The fixture crate is no VCS checkout: make it the project root.
(add-hook 'project-find-functions (lambda (_dir) (cons 'transient e2e-root)))
(setq eglot-autoshutdown t
      eglot-sync-connect 30
      eglot-connect-timeout 60
      eglot-send-changes-idle-time 0.1)

;; Record the raw diagnostics as the server sent them.
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (push params e2e-published))))

(defun e2e-wait (pred timeout what)
  "Run the event loop (process output, timers) until PRED holds or TIMEOUT s passed."
  (let ((deadline (+ (float-time) timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall pred) (error "timeout waiting for %s" what))))

(defun e2e-latest () (plist-get (car e2e-published) :diagnostics))

(defun e2e-count (code)
  (cl-count-if (lambda (d) (equal (plist-get d :code) code)) (e2e-latest)))

(defun e2e-goto (text)
  (goto-char (point-min))
  (unless (search-forward text nil t) (error "not in the buffer: %s" text))
  (goto-char (match-beginning 0)))

(defun e2e-finish (code)
  (with-temp-file e2e-out (insert (json-encode (nreverse e2e-result))))
  (condition-case e (let ((s (eglot-current-server))) (when s (eglot-shutdown s)))
    (error (message "shutdown error: %S" e)))
  (kill-emacs code))

(let ((file (car (last command-line-args-left))))
  (setq command-line-args-left nil)
  (condition-case err
      (with-current-buffer (find-file-noselect file)
        (unless (eq major-mode 'rust-mode) (rust-mode))
        ;; eglot-ensure works from post-command-hook, which batch mode never runs
        (apply #'eglot (eglot--guess-contact))
        (e2e-wait (lambda () (bound-and-true-p eglot--managed-mode)) 60 "eglot managed mode")
        (e2e-put 'client "eglot")
        (flymake-start nil t)
        ;; 1. diagnostics for the file as opened
        (e2e-wait (lambda () (> (length (e2e-latest)) 0)) 60 "diagnostics")
        (e2e-put 'diagnostics (vconcat (e2e-latest)))
        ;; 2. hover on the `unsafe' of the block in `first'
        (e2e-goto "unsafe { *p }")
        (e2e-put 'hover (jsonrpc-request (eglot--current-server-or-lose)
                                         :textDocument/hover (eglot--TextDocumentPositionParams)))
        ;; 3. an edit followed by new diagnostics (eglot sends didChange from an idle timer,
        ;; which never fires in batch: flush by hand)
        (let ((before (e2e-count "unsafe-block")))
          (goto-char (point-max))
          (insert "\npub fn added(p: *mut u8) {\n    unsafe { *p = 0 }\n}\n")
          (eglot--signal-textDocument/didChange)
          (e2e-wait (lambda () (= (e2e-count "unsafe-block") (1+ before))) 60 "diagnostics after the edit"))
        (e2e-put 'diagnostics_after_edit (vconcat (e2e-latest)))
        ;; 4. the quick fix for the missing SAFETY comment
        (e2e-goto "unsafe { *p }")
        (let* ((beg (point))
               (line (1- (line-number-at-pos)))
               (actions (eglot-code-actions beg (+ beg 6)))
               (fix (cl-find-if (lambda (a) (string-match-p "SAFETY" (plist-get a :title))) actions))
               (missing-before (e2e-count "missing-safety-comment")))
          (e2e-put 'code_actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
          (unless fix (error "no SAFETY quick fix offered"))
          (eglot--apply-workspace-edit (plist-get fix :edit))
          (eglot--signal-textDocument/didChange)
          (save-excursion
            (goto-char (point-min)) (forward-line line)
            (e2e-put 'line_above_after_fix
                     (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          ;; the inserted template is no argument yet: the finding stays and says so
          (e2e-wait (lambda () (cl-some (lambda (d) (and (equal (plist-get d :code) "missing-safety-comment")
                                                         (string-match-p "still the template" (plist-get d :message))))
                                        (e2e-latest)))
                    60 "the template to keep a finding")
          (e2e-put 'template_warning t)
          ;; 5. say why in place of the placeholder: the finding goes
          (goto-char (point-min))
          (unless (search-forward "<explain why every condition below holds here>" nil t)
            (error "no placeholder in the inserted comment"))
          (replace-match "the caller passes a valid pointer" t t)
          (eglot--signal-textDocument/didChange)
          (e2e-wait (lambda () (= (e2e-count "missing-safety-comment") (1- missing-before))) 60
                    "the SAFETY argument to remove the finding"))
        (e2e-put 'diagnostics_after_fix (vconcat (e2e-latest)))
        (set-buffer-modified-p nil)
        (e2e-finish 0))
    (error (e2e-put 'error (error-message-string err))
           (e2e-finish 1))))
