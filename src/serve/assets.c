/* assets.c: files built into the binary as they are, each with a NUL after
 * it: the API's description (openapi.json, see api.c) and the web page's
 * style sheet (assets/style.css, see pages.c). The Makefile rebuilds this
 * object when one of them changes. */
#include "serve.h"

#define SV_EMBED(sym, file)                     \
    __asm__(".section .rodata\n"                \
            ".global " #sym "\n"                \
            ".type " #sym ", @object\n"         \
            #sym ":\n"                          \
            ".incbin \"" file "\"\n"            \
            ".byte 0\n"                         \
            ".size " #sym ", . - " #sym "\n"    \
            ".previous\n")

SV_EMBED(sv_openapi, "src/serve/openapi.json");
SV_EMBED(sv_style_css, "src/serve/assets/style.css");
