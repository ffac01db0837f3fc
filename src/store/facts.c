/* facts.c: storing and reading an article's actors, quotes and time
 * expressions (who, said what, when).
 *
 * Rows are written with the article, in its transaction; a story gathers
 * them from its articles at query time (query.c), so that merging actors
 * across articles always reflects the story's current members. */
#include "store.h"
#include "st_internal.h"

#include <stdlib.h>
#include <string.h>

/* The strings as a JSON array, as json_dumps writes it compact; a string
 * that is not UTF-8 is left out, as json_string refuses it. */
static char *json_list(const char *const *v, size_t n)
{
    buf b;
    buf_init(&b);
    buf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        size_t mark = b.len;
        if (mark > 1) buf_putc(&b, ',');
        if (!buf_json_string(&b, v[i])) b.data[b.len = mark] = '\0';   /* no comma either */
    }
    buf_putc(&b, ']');
    return buf_detach(&b);
}

static sl_status put_actor(st_db *db, int64_t row, const sl_actor *x, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_ACTOR, "INSERT INTO actors (article, key, name, type, roles,"
                                                   " aliases, mentions, sure) VALUES (?,?,?,?,?,?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    char *roles = json_list(x->roles, x->n_roles), *aliases = json_list(x->aliases, x->n_aliases);
    sqlite3_bind_int64(s, 1, row);
    sqlite3_bind_text(s, 2, x->key ? x->key : x->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, x->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, x->type, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, roles, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, aliases, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 7, x->mentions);
    sqlite3_bind_int(s, 8, x->sure ? 1 : 0);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    free(roles);
    free(aliases);
    return rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "storing an actor");
}

static sl_status put_quote(st_db *db, int64_t row, const sl_quote *x, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_QUOTE, "INSERT INTO quotes (article, speaker, speaker_key, text,"
                                                   " kind, start, end, speaker_text) VALUES (?,?,?,?,?,?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, row);
    st_bind_text(s, 2, x->speaker);
    st_bind_text(s, 3, x->speaker_key);
    sqlite3_bind_text(s, 4, x->text, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, x->kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)x->start);
    sqlite3_bind_int64(s, 7, (sqlite3_int64)x->end);
    st_bind_text(s, 8, x->speaker_text);
    return sqlite3_step(s) == SQLITE_DONE ? SL_OK : st_fail(db, err, "storing a quote");
}

static sl_status put_time(st_db *db, int64_t row, const sl_time *x, size_t position, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_TIME, "INSERT INTO times (article, text, value, day, granularity,"
                                                  " start, end, sentence, position) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    /* the day and granularity the analysis gave: what a timeline places */
    int32_t day = x->granularity <= 2 ? x->day : DAY_NONE;
    int gran = x->granularity <= 2 && day != DAY_NONE ? x->granularity : 3;
    sqlite3_bind_int64(s, 1, row);
    sqlite3_bind_text(s, 2, x->text, -1, SQLITE_STATIC);
    st_bind_text(s, 3, x->value);
    if (day != DAY_NONE) sqlite3_bind_int(s, 4, day);
    sqlite3_bind_int(s, 5, gran);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)x->start);
    sqlite3_bind_int64(s, 7, (sqlite3_int64)x->end);
    st_bind_text(s, 8, x->sentence);
    sqlite3_bind_int64(s, 9, (sqlite3_int64)position);
    return sqlite3_step(s) == SQLITE_DONE ? SL_OK : st_fail(db, err, "storing a time expression");
}

sl_status st_facts_put(st_db *db, int64_t row, const sl_analysis *f, err_slot *err)
{
    sl_status st = SL_OK;
    for (size_t i = 0; st == SL_OK && i < f->n_actors; i++) st = put_actor(db, row, &f->actors[i], err);
    for (size_t i = 0; st == SL_OK && i < f->n_quotes; i++) st = put_quote(db, row, &f->quotes[i], err);
    for (size_t i = 0; st == SL_OK && i < f->n_times; i++) st = put_time(db, row, &f->times[i], i, err);
    return st;
}
