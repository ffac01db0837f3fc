/* lib.c: shared libraries opened at first use (dlopen), for the commands
 * that need them alone. See lib_open in core.h. */
#include "core.h"

#include <dlfcn.h>

bool lib_open(const char *soname, const char *const *names, void **syms, size_t n, int status,
              err_slot *err)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        err_set(err, status, soname, 0, "cannot open the library: %s", why ? why : "not found");
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        dlerror();
        syms[i] = dlsym(h, names[i]);
        if (!syms[i]) {
            err_set(err, status, soname, 0, "the library has no %s: is it too old?", names[i]);
            dlclose(h);
            return false;
        }
    }
    return true;   /* kept open for the life of the process */
}
