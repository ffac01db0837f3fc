/* err.c: the error slot: one message naming the input and the position.
 *
 * Stages write into the slot and return a status; the caller decides whether
 * the record is skipped (input errors) or the run stops (I/O, database). */
#include "core.h"

#include <stdio.h>

int err_set(err_slot *e, int status, const char *input, long line, const char *fmt, ...)
{
    int off = 0;
    if (input && line > 0) off = snprintf(e->msg, sizeof e->msg, "%s:%ld: ", input, line);
    else if (input) off = snprintf(e->msg, sizeof e->msg, "%s: ", input);
    if (off < 0) off = 0;
    if ((size_t)off >= sizeof e->msg) off = (int)sizeof e->msg - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg + off, sizeof e->msg - (size_t)off, fmt, ap);
    va_end(ap);
    e->status = status;
    return status;
}

void err_clear(err_slot *e) { e->msg[0] = '\0'; e->status = 0; }
