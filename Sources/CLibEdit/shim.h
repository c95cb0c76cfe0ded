// Non-variadic wrappers around libedit for Swift.
//
// el_set, el_get and history() are C-variadic, which Swift cannot call, and
// Swift 6 refuses the stdin/stdout/stderr globals. Every use the LineEditor
// target needs is wrapped here as a `static inline` function. This header is
// copied into each importing module: keep it free of mutable state.
#ifndef R2CAST_CLIBEDIT_SHIM_H
#define R2CAST_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

/// The prompt callback: returns the prompt text (escapes wrapped in markers).
typedef char *_Nullable (*r2_el_prompt_fn)(EditLine *_Nullable);
/// An editor command added with EL_ADDFN: returns one of the CC_* codes.
typedef unsigned char (*r2_el_command_fn)(EditLine *_Nullable, int);

// MARK: EditLine

static inline EditLine *_Nullable r2_el_init(const char *_Nonnull program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int r2_el_set_editor(EditLine *_Nonnull el, const char *_Nonnull mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int r2_el_set_signal(EditLine *_Nonnull el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int r2_el_set_prompt_esc(EditLine *_Nonnull el, r2_el_prompt_fn _Nonnull fn, char marker) {
    return el_set(el, EL_PROMPT_ESC, fn, marker);
}

static inline int r2_el_set_clientdata(EditLine *_Nonnull el, void *_Nullable data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *_Nullable r2_el_get_clientdata(EditLine *_Nullable el) {
    void *data = NULL;
    if (el == NULL || el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int r2_el_add_function(EditLine *_Nonnull el, const char *_Nonnull name,
                                     const char *_Nonnull help, r2_el_command_fn _Nonnull fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int r2_el_bind(EditLine *_Nonnull el, const char *_Nonnull key, const char *_Nonnull command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

static inline int r2_el_set_history(EditLine *_Nonnull el, History *_Nonnull h) {
    return el_set(el, EL_HIST, history, h);
}

// MARK: History (each call gets its own throwaway HistEvent)

static inline int r2_history_set_size(History *_Nonnull h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int r2_history_set_unique(History *_Nonnull h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int r2_history_load(History *_Nonnull h, const char *_Nonnull path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

static inline int r2_history_save(History *_Nonnull h, const char *_Nonnull path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

static inline int r2_history_enter(History *_Nonnull h, const char *_Nonnull line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/// The number of entries held, or -1.
static inline int r2_history_count(History *_Nonnull h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return -1;
    return ev.num;
}

/// Writes the history to `fd` in history_save's format (the `_HiStOrY_V2_`
/// header, then one vis(3)-encoded entry a line, oldest first) and closes
/// `fd`. Returns the number of entries written, or -1 when any write, the
/// flush or the close failed (history_save itself ignores those, so a full
/// disk would pass for success).
static inline int r2_history_save_fd(History *_Nonnull h, int fd) {
    FILE *fp = fdopen(fd, "w");
    if (fp == NULL) {
        close(fd);
        return -1;
    }
    HistEvent ev;
    int count = history(h, &ev, H_SAVE_FP, fp);
    int failed = count < 0 || fflush(fp) != 0 || ferror(fp);
    if (fclose(fp) != 0) failed = 1;
    return failed ? -1 : count;
}

/// The oldest entry (and moves the history's cursor there), or NULL when empty.
static inline const char *_Nullable r2_history_oldest(History *_Nonnull h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) != 0) return NULL;
    return ev.str;
}

/// The entry after the cursor's, one newer (and moves the cursor there), or NULL.
static inline const char *_Nullable r2_history_newer(History *_Nonnull h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) != 0) return NULL;
    return ev.str;
}

// MARK: Terminal

/// Flushes the C `stdout` stream.
static inline void r2_stdout_flush(void) { fflush(stdout); }

/// Columns of the terminal on `fd` (TIOCGWINSZ), or 0 when unknown.
static inline int r2_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

extern int wcwidth(wchar_t c);

/// Columns a character takes on the terminal (wcwidth; -1 when unprintable).
static inline int r2_wcwidth(unsigned int scalar) {
    return wcwidth((wchar_t)scalar);
}

/// Writes to the C `stdout` stream (the one libedit and Swift's print use) and flushes it.
static inline void r2_stdout_write(const char *_Nonnull text) {
    fputs(text, stdout);
    fflush(stdout);
}

#endif
