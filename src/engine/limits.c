/* limits.c: sl_set_limits, the engine's limits on input (sl_limits), which
 * every source it opens and every fetch of watch obey. Their defaults and
 * ranges are the read stage's (read/limits.c). */
#include "engine.h"

sl_status sl_set_limits(sl_engine *e, const sl_limits *l)
{
    const char *why = rd_limits_check(l);
    if (why) return err_set(&e->err, SL_EUSAGE, NULL, 0, "%s", why);
    e->limits = *l;
    return SL_OK;
}
