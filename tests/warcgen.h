/* warcgen.h: building WARC records in memory for the tests (the reader's
 * unit tests and the command's end-to-end tests). Not a WARC writer: the
 * date and record id are fixed, and nothing is checked. */
#ifndef SL_WARCGEN_H
#define SL_WARCGEN_H

#include "core/core.h"

/* One record: WARC header with the given type, URI and Content-Type, the
 * block, CR LF CR LF. */
static inline void record(buf *out, const char *type, const char *uri, const char *ctype,
                          const char *block, size_t n)
{
    buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uri) buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
    buf_printf(out, "WARC-Date: 2019-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s-1>\r\n"
                    "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", type, ctype, n);
    buf_append(out, block, n);
    buf_puts(out, "\r\n\r\n");
}

/* A response record: 200 OK, the given header lines (each ending CR LF), the body. */
static inline void response(buf *out, const char *uri, const char *headers, const char *body, size_t n)
{
    buf http;
    buf_init(&http);
    buf_printf(&http, "HTTP/1.1 200 OK\r\n%s\r\n", headers);
    buf_append(&http, body, n);
    record(out, "response", uri, "application/http; msgtype=response", http.data, http.len);
    buf_free(&http);
}

#endif
