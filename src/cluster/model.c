/* model.c: the learned decisions of clustering: logistic models over a few
 * similarity features (cl_feature), one per decision (cl_decision).
 *
 * The weights are fitted offline on labelled news (scripts/fit-model, run by
 * `make model`) and kept in data/model/cluster.tsv, which the build
 * compiles in (scripts/text-table), so a binary needs no data files at run time,
 * and SL_MODEL names another file to use instead (the cross-validation of
 * bench/clusters fits one per fold). Not the features themselves
 * (online.c), and not the fitting. */
#include "cl_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const feature_names[CL_NFEAT] = {
    "bias", "words", "people", "names", "all", "gap", "undated", "no_people", "no_names", "size",
    "event", "event_names", "subject", "event_subject", "name_share", "core",
};
static const char *const decision_names[CL_NDECISION] = {"storyline", "storyline_merge"};

double cl_model_p(const cl_model *m, cl_decision d, const double f[CL_NFEAT])
{
    double z = 0;
    for (int k = 0; k < CL_NFEAT; k++) z += m->w[d][k] * f[k];
    return 1.0 / (1.0 + exp(-z));
}

static int lookup(const char *const *names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && !memcmp(names[i], s, len)) return i;
    return -1;
}

/* One field of a tab-separated line: [*p, end of field); *p moves past the tab. */
static const char *field(const char **p, const char *end, size_t *len)
{
    const char *s = *p, *e = s;
    while (e < end && *e != '\t') e++;
    *len = (size_t)(e - s);
    *p = e < end ? e + 1 : e;
    return s;
}

bool cl_model_parse(cl_model *m, const char *text, size_t len, char *why, size_t why_len)
{
    cl_model out = {.threshold = {0.5, 0.5}};
    bool seen[CL_NDECISION] = {0};
    const char *p = text, *end = text + len;
    for (int line = 1; p < end; line++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *q = p;
        p = eol < end ? eol + 1 : end;
        if (eol > q && eol[-1] == '\r') eol--;
        if (q == eol || *q == '#') continue;
        size_t dl, fl, wl;
        const char *ds = field(&q, eol, &dl), *fs = field(&q, eol, &fl), *ws = field(&q, eol, &wl);
        int d = lookup(decision_names, CL_NDECISION, ds, dl), f = lookup(feature_names, CL_NFEAT, fs, fl);
        bool threshold = fl == 9 && !memcmp(fs, "threshold", 9);
        char num[64];
        char *stop = NULL;
        double w = 0;
        if (wl && wl < sizeof num) {
            memcpy(num, ws, wl);
            num[wl] = 0;
            w = num_read(num, &stop);
        }
        if (d < 0 || (f < 0 && !threshold) || !stop || *stop || !isfinite(w) || q != eol) {
            snprintf(why, why_len, "line %d: expected decision, feature and weight separated by tabs", line);
            return false;
        }
        if (threshold) out.threshold[d] = w;
        else out.w[d][f] = w;
        seen[d] = true;
    }
    for (int d = 0; d < CL_NDECISION; d++)
        if (!seen[d]) {
            snprintf(why, why_len, "no weights for the decision '%s'", decision_names[d]);
            return false;
        }
    *m = out;
    return true;
}

bool cl_model_set(cl_state *cl, const char *text, size_t len, char *why, size_t why_len)
{
    return cl_model_parse(&cl->model, text, len, why, why_len);
}
