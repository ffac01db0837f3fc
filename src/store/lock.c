/* lock.c: one writer at a time.
 *
 * Clusters get their ids from what a writer loaded, and two processes that
 * loaded the same state would hand out the same ids. So a writer holds an
 * exclusive flock(2) on the file "<database>.lock" beside the database from
 * before it loads until it is done; the kernel drops the lock when the
 * process ends, however it ends, so a killed writer never leaves it behind.
 * The file is never removed (removing it would let two processes lock two
 * different files of one name). While locked it says who holds it. Readers
 * take no lock: SQLite's WAL gives them whole transactions. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct st_lock {
    int   fd;
    char *path;
};

/* "process 1234 (storyline ingest ..., since 2026-12-02T19:40:01Z)" */
static void holder(int fd, char *out, size_t n)
{
    char text[512];
    ssize_t k = pread(fd, text, sizeof text - 1, 0);
    text[k > 0 ? k : 0] = 0;
    long pid = 0;
    char since[32] = "", cmd[256] = "";
    if (sscanf(text, "pid %ld\nsince %31s\ncommand %255[^\n]", &pid, since, cmd) >= 1 && pid > 0)
        snprintf(out, n, "process %ld (%s, since %s)", pid, cmd[0] ? cmd : "?", since[0] ? since : "?");
    else
        snprintf(out, n, "another process");
}

/* The command line of this process, arguments joined by spaces, shortened. */
static void command_line(char *out, size_t n)
{
    out[0] = 0;
    FILE *f = fopen("/proc/self/cmdline", "rb");
    if (!f) return;
    size_t k = fread(out, 1, n - 1, f);
    fclose(f);
    out[k] = 0;
    for (size_t i = 0; i + 1 < k; i++)
        if (!out[i]) out[i] = ' ';
}

static void tell_holder(int fd)
{
    char cmd[200], since[32], text[300];
    command_line(cmd, sizeof cmd);
    time_t now = time(NULL);
    struct tm tm;
    strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    int n = snprintf(text, sizeof text, "pid %ld\nsince %s\ncommand %s\n", (long)getpid(), since, cmd);
    if (ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) == n) return;
    /* only the message of a waiting writer suffers */
}

/* The lock on fd, waiting (once told) unless !wait: SL_OK, or SL_EDB. */
static sl_status lock_fd(int fd, const char *db_path, bool wait, bool *told, st_wait_fn waiting, void *ctx, err_slot *err)
{
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) return SL_OK;
    if (errno != EWOULDBLOCK)
        return err_set(err, SL_EDB, db_path, 0, "cannot lock the database for writing: %s", strerror(errno));
    char who[400];
    holder(fd, who, sizeof who);
    if (!wait) return err_set(err, SL_EDB, db_path, 0, "being written by %s; not waiting (--no-wait)", who);
    if (waiting && !*told) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: being written by %s; waiting for it to finish", db_path, who);
        waiting(msg, ctx);
        *told = true;
    }
    int rc;
    while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR) {}
    return rc == 0 ? SL_OK : err_set(err, SL_EDB, db_path, 0, "cannot lock the database for writing: %s", strerror(errno));
}

sl_status st_lock_take(const char *db_path, bool wait, st_wait_fn waiting, void *ctx, st_lock **out, err_slot *err)
{
    *out = NULL;
    size_t n = strlen(db_path);
    char *path = xmalloc(n + 6);
    memcpy(path, db_path, n);
    memcpy(path + n, ".lock", 6);
    bool told = false;
    for (;;) {
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) {
            err_set(err, SL_EDB, path, 0, "cannot open the writer's lock: %s", strerror(errno));
            free(path);
            return SL_EDB;
        }
        sl_status st = lock_fd(fd, db_path, wait, &told, waiting, ctx, err);
        if (st != SL_OK) {
            close(fd);
            free(path);
            return st;
        }
        /* The holder before may have removed the file (st_lock_forget):
         * then this lock is on a name no one else finds; take it again. */
        struct stat held, named;
        if (fstat(fd, &held) == 0 && stat(path, &named) == 0 && held.st_ino == named.st_ino &&
            held.st_dev == named.st_dev) {
            tell_holder(fd);
            *out = xcalloc(1, sizeof **out);
            (*out)->fd = fd;
            (*out)->path = path;
            return SL_OK;
        }
        close(fd);
    }
}

void st_lock_release(st_lock *l)
{
    if (!l) return;
    if (ftruncate(l->fd, 0) != 0) { /* the next holder rewrites it */ }
    close(l->fd);   /* drops the lock */
    free(l->path);
    free(l);
}

/* Removed while held: a writer waiting on it then holds a lock on a file
 * no longer named, and is alone only because the database it waited for
 * is gone too (it makes a new one). */
void st_lock_forget(st_lock *l)
{
    if (!l) return;
    unlink(l->path);
    st_lock_release(l);
}
