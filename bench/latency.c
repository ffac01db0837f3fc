/* latency: the time a server takes for one request at a time, for several
 * URLs in turn, request by request, so that what the machine happens to be
 * doing in a moment falls on every URL alike (bench/serve asks the same
 * endpoint of servers on databases of different sizes this way).
 *
 * usage: latency SECONDS URL...   (URLs: http://HOST:PORT/PATH, IPv4)
 *
 * One keep-alive HTTP/1.1 connection per URL; a request is timed from its
 * first byte sent to the last byte of the answer's body (Content-Length;
 * a chunked answer is refused). Prints a line per URL: the URL, requests,
 * the median and 99th-percentile latency in milliseconds, and the number of
 * answers that were not 200. Exits 2 when a URL cannot be asked. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct target {
    const char *url;
    char        host[64], path[2048];
    int         port, fd;
    double     *ms;
    size_t      n, cap, errors;
} target;

/* err: the errno of a failed call, 0 if none */
static void die(const char *url, const char *what, int err)
{
    fprintf(stderr, "latency: %s: %s%s%s\n", url, what, err ? ": " : "", err ? strerror(err) : "");
    exit(2);
}

static void parse_url(target *t)
{
    const char *p = t->url;
    if (strncmp(p, "http://", 7)) die(t->url, "not an http:// URL", 0);
    p += 7;
    const char *colon = strchr(p, ':'), *slash = strchr(p, '/');
    if (!colon || !slash || colon > slash || (size_t)(colon - p) >= sizeof t->host) die(t->url, "no host:port/path", 0);
    memcpy(t->host, p, (size_t)(colon - p));
    t->host[colon - p] = '\0';
    t->port = atoi(colon + 1);
    if (t->port <= 0 || t->port > 65535 || strlen(slash) >= sizeof t->path) die(t->url, "bad port or path", 0);
    strcpy(t->path, slash);
}

static void connect_to(target *t)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)t->port)};
    if (inet_pton(AF_INET, t->host, &a.sin_addr) != 1) die(t->url, "the host is no IPv4 address", 0);
    t->fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    if (t->fd < 0 || setsockopt(t->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) ||
        connect(t->fd, (struct sockaddr *)&a, sizeof a))
        die(t->url, "cannot connect", errno);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The value of header name in the head h (NUL-terminated), or NULL. */
static const char *header(const char *h, const char *name)
{
    size_t n = strlen(name);
    for (const char *l = strstr(h, "\r\n"); l && l[2] != '\r'; l = strstr(l + 2, "\r\n"))
        if (!strncasecmp(l + 2, name, n) && l[2 + n] == ':') {
            const char *v = l + 3 + n;
            while (*v == ' ') v++;
            return v;
        }
    return NULL;
}

/* One GET on t's connection, its answer read whole; the latency is kept. */
static void ask(target *t)
{
    char req[2300], buf[65536];
    int len = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: %s:%d\r\n\r\n", t->path, t->host, t->port);
    double start = now_ms();
    if (write(t->fd, req, (size_t)len) != len) die(t->url, "cannot send the request", errno);
    size_t got = 0;
    char *end = NULL;
    while (!end) {   /* the head */
        if (got == sizeof buf - 1) die(t->url, "an answer's head over 64 KiB", 0);
        ssize_t r = read(t->fd, buf + got, sizeof buf - 1 - got);
        if (r <= 0) die(t->url, "the connection closed before an answer", 0);
        got += (size_t)r;
        buf[got] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    size_t head = (size_t)(end + 4 - buf);
    char saved = buf[head];
    buf[head] = '\0';
    int status = strncmp(buf, "HTTP/1.", 7) ? 0 : atoi(buf + 9);
    const char *cl = header(buf, "Content-Length"), *te = header(buf, "Transfer-Encoding");
    const char *conn = header(buf, "Connection");
    int closing = conn && !strncasecmp(conn, "close", 5);
    buf[head] = saved;
    if (te || !cl) die(t->url, "an answer without Content-Length", 0);
    size_t body = strtoull(cl, NULL, 10), have = got - head;
    while (have < body) {
        ssize_t r = read(t->fd, buf, sizeof buf);
        if (r <= 0) die(t->url, "the connection closed inside an answer", 0);
        have += (size_t)r;
    }
    if (have > body) die(t->url, "more bytes than the answer's length", 0);
    double ms = now_ms() - start;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 4096;
        t->ms = realloc(t->ms, t->cap * sizeof *t->ms);
        if (!t->ms) die(t->url, "out of memory", 0);
    }
    t->ms[t->n++] = ms;
    if (status != 200) t->errors++;
    if (closing) {
        close(t->fd);
        connect_to(t);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th quantile (0 < p <= 1) of n sorted values: the smallest value at
 * or above which a share p of them lie (nearest rank). */
static double quantile(const double *v, size_t n, double p)
{
    size_t k = (size_t)(p * (double)n + 0.999999);
    return v[(k ? k : 1) - 1];
}

int main(int argc, char **argv)
{
    if (argc < 3 || atof(argv[1]) <= 0) {
        fprintf(stderr, "usage: latency SECONDS URL...\n");
        return 1;
    }
    double secs = atof(argv[1]);
    size_t nt = (size_t)argc - 2;
    target *t = calloc(nt, sizeof *t);
    if (!t) die(argv[2], "out of memory", 0);
    for (size_t i = 0; i < nt; i++) {
        t[i].url = argv[i + 2];
        parse_url(&t[i]);
        connect_to(&t[i]);
        ask(&t[i]);   /* a first answer, not counted: the connection is set up */
        t[i].n = t[i].errors = 0;
    }
    for (double stop = now_ms() + secs * 1e3; now_ms() < stop;)
        for (size_t i = 0; i < nt; i++) ask(&t[i]);
    for (size_t i = 0; i < nt; i++) {
        qsort(t[i].ms, t[i].n, sizeof *t[i].ms, cmp_double);
        printf("%s %zu %.3f %.3f %zu\n", t[i].url, t[i].n, quantile(t[i].ms, t[i].n, 0.5),
               quantile(t[i].ms, t[i].n, 0.99), t[i].errors);
        close(t[i].fd);
        free(t[i].ms);
    }
    free(t);
    return 0;
}
