/* pool.c: worker threads that prepare pages for ingest (extract, analyze,
 * facts, duplicate signature) while the calling thread clusters and stores.
 *
 * Preparing a page reads nothing but the page, so any thread may do it;
 * each worker has its own analyzer (scratch buffers and a stemmer).
 * Clustering, the duplicate index and the database stay on the calling
 * thread, which keeps results the same whatever the number of jobs. Jobs
 * are taken first in, first out; a thread that waits for a page runs queued
 * jobs itself meanwhile, so no core idles while work is queued. Not the
 * ingest path itself (ingest.c). */
#include "engine.h"
#include "../extract/extract.h"

#include <pthread.h>
#include <stdlib.h>

struct eg_pool {
    pthread_mutex_t mu;
    pthread_cond_t  work;     /* a job was queued, or the pool is closing */
    pthread_cond_t  done;     /* a job finished */
    eg_pending     *head, *tail;
    bool            closing;
    int             nthreads;
    pthread_t      *threads;
    an_analyzer   **an;       /* one per worker */
};

typedef struct { eg_pool *pool; an_analyzer *an; } worker_arg;

static eg_pending *take(eg_pool *p)
{
    eg_pending *j = p->head;
    if (j) {
        p->head = j->next;
        if (!p->head) p->tail = NULL;
        j->state = EG_RUNNING;
    }
    return j;
}

static void finish(eg_pool *p, eg_pending *j)
{
    pthread_mutex_lock(&p->mu);
    j->state = EG_READY;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
}

static void *worker(void *arg)
{
    eg_pool *p = ((worker_arg *)arg)->pool;
    an_analyzer *an = ((worker_arg *)arg)->an;
    free(arg);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        eg_pending *j;
        while (!(j = take(p)) && !p->closing) pthread_cond_wait(&p->work, &p->mu);
        if (!j) break;
        pthread_mutex_unlock(&p->mu);
        eg_prepare(an, j);
        finish(p, j);
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

eg_pool *eg_pool_new(int workers)
{
    if (workers < 1) return NULL;
    eg_pool *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->threads = xcalloc((size_t)workers, sizeof *p->threads);
    p->an = xcalloc((size_t)workers, sizeof *p->an);
    for (int i = 0; i < workers; i++) {
        worker_arg *a = xmalloc(sizeof *a);
        *a = (worker_arg){p, an_new()};
        p->an[i] = a->an;
        if (!a->an || pthread_create(&p->threads[i], NULL, worker, a) != 0) {
            an_free(a->an);
            p->an[i] = NULL;
            free(a);
            break;
        }
        p->nthreads++;
    }
    if (!p->nthreads) { eg_pool_free(p); return NULL; }
    return p;
}

void eg_pool_free(eg_pool *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
    for (int i = 0; i < p->nthreads; i++) an_free(p->an[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p->threads);
    free(p->an);
    free(p);
}

void eg_pool_submit(eg_pool *p, eg_pending *j)
{
    j->next = NULL;
    pthread_mutex_lock(&p->mu);
    j->state = EG_QUEUED;
    if (p->tail) p->tail->next = j;
    else p->head = j;
    p->tail = j;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

void eg_pool_wait(eg_pool *p, eg_pending *j, an_analyzer *own)
{
    pthread_mutex_lock(&p->mu);
    while (j->state != EG_READY) {
        eg_pending *mine = take(p);
        if (mine) {   /* help rather than sleep */
            pthread_mutex_unlock(&p->mu);
            eg_prepare(own, mine);
            finish(p, mine);
            pthread_mutex_lock(&p->mu);
        } else {
            pthread_cond_wait(&p->done, &p->mu);
        }
    }
    pthread_mutex_unlock(&p->mu);
}
