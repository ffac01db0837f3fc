/* openapi.c: the OpenAPI description of the API (api.c), served at
 * /api/openapi.json. The description is src/serve/openapi.json, kept by hand
 * beside api.c (a route added there is described there; tests/serve checks
 * that every path the API serves is in it), and built into the binary as
 * it is, with a NUL after it. */
#include "serve.h"

__asm__(".section .rodata\n"
        ".global sv_openapi\n"
        ".type sv_openapi, @object\n"
        "sv_openapi:\n"
        ".incbin \"src/serve/openapi.json\"\n"
        ".byte 0\n"
        ".size sv_openapi, . - sv_openapi\n"
        ".previous\n");
