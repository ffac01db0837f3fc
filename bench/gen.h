/* gen.h: the synthetic news stream generator (build/gen), its shared types.
 *
 * The generator simulates a world (countries, towns, people, companies,
 * clubs, parties, outlets), storylines that live for months or years, the
 * events they produce, and the articles outlets write about them, and
 * prints the articles as JSON Lines with the true event and storyline of
 * each. It is a benchmark tool, not part of storyline: it needs only libc
 * and libm. Files: gen.c (options, the day loop, output), gen_world.c
 * (random numbers, calendar, the world), gen_story.c (storylines and
 * events), gen_text.c (templates to articles), gen_lists.c (word lists),
 * gen_kinds.c (event kinds and storyline subjects: their wording); and
 * the library's calendar, src/core/day.c, which needs nothing either. */
#ifndef GEN_H
#define GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- random numbers: xoshiro256**, seeded through splitmix64 ---- */
typedef struct { uint64_t s[4]; } gen_rng;
void rng_seed(gen_rng *r, uint64_t seed);
uint64_t rng_next(gen_rng *r);
static inline uint32_t rng_below(gen_rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}
static inline double rng_unit(gen_rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }
static inline bool rng_chance(gen_rng *r, double p) { return rng_unit(r) < p; }
int rng_range(gen_rng *r, int lo, int hi);   /* lo..hi inclusive */
int rng_poisson(gen_rng *r, double mean);
double rng_normal(gen_rng *r);

/* ---- calendar: days since 1970-01-01, by src/core/day.c ---- */
typedef struct { int y, m, d; } gen_date;   /* m 1..12 */
gen_date day_date(int day);
int date_day(int y, int m, int d);          /* INT32_MIN (DAY_NONE) if no such date */
int day_weekday(int day);                   /* 0 Sunday .. 6 Saturday */
extern const char *const gen_month[12], *const gen_weekday[7];

/* ---- growable text ---- */
typedef struct { char *p; size_t n, cap; } gbuf;
void gb_grow(gbuf *b, size_t more);
static inline void gb_put(gbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) gb_grow(b, n + 1);
    for (size_t i = 0; i < n; i++) b->p[b->n + i] = s[i];
    b->n += n;
    b->p[b->n] = '\0';
}
void gb_puts(gbuf *b, const char *s);
void gb_putc(gbuf *b, char c);
void gb_int(gbuf *b, long long v, bool commas);
static inline void gb_clear(gbuf *b) { b->n = 0; if (b->p) b->p[0] = '\0'; }

/* ---- word lists (gen_lists.c) ---- */
enum { CU_ANGLO, CU_HISPANIC, CU_PORTUGUESE, CU_FRENCH, CU_GERMANIC, CU_NORDIC, CU_ITALIAN,
       CU_SLAVIC, CU_ARABIC, CU_TURKISH, CU_SOUTH_ASIAN, CU_CHINESE, CU_KOREAN, CU_JAPANESE,
       CU_INDONESIAN, CU_WEST_AFRICAN, CU_BANTU, CU_COUNT };

/* Words of one naming tradition, each list space-separated, '_' standing
 * for a space inside one entry. */
typedef struct {
    const char *female, *male, *surnames;
    const char *town_head, *town_tail;   /* invented town names: head + tail */
    const char *region_word;             /* "Province", "County" ... */
    bool surname_first;                  /* "Park Ji-woo": the family name leads */
} gen_culture_words;
extern const gen_culture_words gen_cultures[CU_COUNT];

typedef struct { const char *name, *adj, *capital; uint8_t culture; } gen_country_words;
extern const gen_country_words gen_countries[];
extern const int gen_ncountries;

/* A list split out of one of the strings above, or a NULL-ended array. */
typedef struct { const char **w; int n; } gen_list;
gen_list list_split(const char *words);
gen_list list_of(const char *const *arr);

extern const char gen_company_stems[], gen_institute_stems[], gen_invented_syllables[];
extern const char gen_professions[], gen_businesses[], gen_objects[], gen_adjectives[];
extern const char *const gen_colour_local[], *const gen_colour_other[];
extern const char *const gen_sector_suffix[], *const gen_sector_noun[], *const gen_sector_product[];
enum { SE_ENERGY, SE_AUTO, SE_PHARMA, SE_BANK, SE_TELECOM, SE_AIRLINE, SE_TECH, SE_MINING,
       SE_FOOD, SE_RETAIL, SE_STEEL, SE_SHIPPING, SE_RAIL, SE_COUNT };
extern const char *const gen_club_patterns[], *const gen_party_names[], *const gen_union_patterns[];

/* Outlets: name, web domain, and whether it is a wire agency whose copy
 * others reprint. */
typedef struct { const char *name, *domain; bool wire; float weight; } gen_outlet_words;
extern const gen_outlet_words gen_outlets[];
extern const int gen_noutlets;
/* boilerplate as a crawler leaves it: before the article, between its
 * paragraphs, after it; "$o" is the outlet, "$j" a journalist, "$d" the date */
extern const char *const gen_bp_top[], *const gen_bp_mid[], *const gen_bp_bottom[],
                  *const gen_bp_readmore[], *const gen_bp_caption[],
                  *const gen_bp_bio[];
extern const char *const gen_filler[], *const gen_generic_quote[], *const gen_nav[],
                  *const gen_spot[];

/* ---- roles: what a person is, as news writes it ---- */
enum {
    /* of a government: one person per country for the whole stream */
    R_PRESIDENT, R_PM, R_FOREIGN, R_DEFENCE, R_INTERIOR, R_HEALTH, R_FINANCE, R_TRADE,
    R_JUSTICE, R_TRANSPORT, R_LABOUR, R_ARMY_SPOKES, R_POLICE_SPOKES, R_FM_SPOKES,
    R_EMERGENCY, R_OPPOSITION, R_ELECTION_CHIEF, R_HEALTH_OFFICIAL, R_REGULATOR,
    R_INVESTIGATOR, R_GOV_COUNT,
    /* heads of organisations of the world: the organisation says who */
    R_CEO = R_GOV_COUNT, R_COACH, R_PARTY_LEADER, R_UNION,
    /* of a storyline: made when the storyline first needs them */
    R_LAWYER, R_LAWYER2, R_JUDGE, R_PROSECUTOR, R_SUSPECT, R_PROTEST_LEADER, R_NEGOTIATOR,
    R_STORY_COUNT,
    /* of one event only */
    R_GOVERNOR = R_STORY_COUNT, R_MAYOR, R_RESIDENT, R_WITNESS, R_ANALYST, R_SEISMOLOGIST,
    R_ECONOMIST, R_DOCTOR, R_FIRE_CHIEF, R_PLAYER, R_FAN, R_WORKER, R_CHAIR, R_COUNT
};
#define RL_OTHER 0x80   /* a role flag: of the storyline's second country */

/* How a role is written on first mention: a title before the name
 * ("Defence Minister Jana Okafor") or an apposition after it ("Jana
 * Okafor, chief executive of Kestrel Energy,"). In both, "$y" is the
 * person's country adjective and a space (or nothing), "$x" their
 * affiliation, "$g" "man" or "woman". */
typedef struct { const char *title, *appos; } gen_role_words;
extern const gen_role_words gen_roles[R_COUNT];

/* ---- the world (gen_world.c) ---- */
typedef struct {
    uint16_t first, last;   /* indices into the culture's name lists */
    uint16_t last2;         /* a second family name, plus one; 0: none */
    uint8_t culture, female, role, age;
    int16_t country;        /* -1: none */
    const char *aff;        /* affiliation shown with the role */
} gen_person;

typedef struct { const char *name; int country, region; } gen_town;
typedef struct { const char *name; int country; } gen_region;

enum { ORG_COMPANY, ORG_CLUB, ORG_PARTY, ORG_UNION, ORG_INSTITUTE, ORG_HOSPITAL };
typedef struct {
    const char *name;
    uint8_t kind, sector;
    int country, town;
    gen_person head;        /* chief executive, coach, leader */
} gen_org;

typedef struct {
    int capital, town0, ntowns, region0, nregions;
    int company0, ncompanies, club0, nclubs, party0, nparties, union0, nunions;
    gen_person gov[R_GOV_COUNT];
    const char *league;     /* the football league's name */
} gen_nation;

typedef struct {
    const char *name, *domain;
    bool wire, curly, per_cent, datefirst, title_in_text;
    uint8_t dateline;        /* 0 none, 1 "CITY, March 3 (Outlet) -", 2 "CITY --", 3 "CITY (Outlet) -" */
    uint8_t urlstyle;
    const char *top[3], *mid[2], *readmore, *bottom[5];
    int ntop, nmid, nbottom;
    bool mostread;
    gen_person staff[6];
    double cum;             /* cumulative weight, for drawing */
} gen_outlet;

typedef struct {
    gen_list female[CU_COUNT], male[CU_COUNT], sur[CU_COUNT];
    gen_list head[CU_COUNT], tail[CU_COUNT];
    gen_list stems, institutes, syll;
    gen_list prof, biz, obj, adj;     /* everyday words for colour */
    gen_nation *nation;
    int nnations;
    gen_town *town;
    int ntowns;
    gen_region *region;
    int nregions;
    gen_org *org;
    int norgs;
    int inst0, ninst, hosp0, nhosp;   /* org ranges of institutes, hospitals */
    gen_outlet *outlet;
    int noutlets;
    double outlet_total;
    char *arena;            /* names made up at start; never freed until exit */
    size_t arena_left;
} gen_world;

void world_build(gen_world *w, gen_rng *r);
gen_person person_new(gen_world *w, gen_rng *r, int culture, int country, int role, const char *aff);
const char *person_first(const gen_world *w, const gen_person *p);
const char *person_last(const gen_world *w, const gen_person *p);
void person_name(const gen_world *w, const gen_person *p, gbuf *b);
const gen_outlet *outlet_draw(const gen_world *w, gen_rng *r);
const char *world_strdup(gen_world *w, const char *s);
void invented_name(const gen_world *w, gen_rng *r, gbuf *out);

/* ---- event kinds and storyline subjects (gen_kinds.c) ---- */
enum {
    K_EARTHQUAKE, K_FLOOD, K_WILDFIRE, K_STORM, K_FIRE, K_INQUIRY, K_CRASH, K_DRILL, K_CLASH,
    K_TALKS, K_SANCTIONS, K_SUMMIT, K_PROTEST, K_RALLY, K_DEBATE, K_RESULT, K_OUTBREAK,
    K_CASES, K_VACCINATION, K_TARIFFS, K_TRADE_ROUND, K_TRADE_DEAL, K_MERGER, K_LAUNCH,
    K_EARNINGS, K_LAYOFFS, K_STRIKE, K_WAGE_DEAL, K_LAWSUIT, K_VERDICT, K_SETTLEMENT, K_FINE,
    K_MATCH, K_SACKING, K_CRIME, K_ARREST, K_SENTENCE, K_COUNT
};

enum { F_INT, F_WORD, F_DEC1, F_MONEY, F_PCT, F_SMALL };   /* number formats */
enum { D_UNI, D_LOG, D_SIZE };                               /* number distributions */
enum { NF_GROW = 1, NF_LESS = 2, NF_ROUND = 4 };              /* number flags */
typedef struct { uint8_t fmt, dist, flags; float lo, hi; } gen_numspec;

enum { PL_STORY, PL_CAPITAL, PL_VENUE, PL_HQ, PL_HOME, PL_TOWN };   /* where an event happens */

typedef struct {
    const char *name;
    uint8_t place;
    uint8_t role[3];         /* R_*, | RL_OTHER */
    float weight;            /* coverage: scales the event's size */
    gen_numspec num[4];
    const char *const *title, *const *lead, *const *fact, *const *quote, *const *recall;
    const char *const *detail;   /* what one event of the kind is about ("new taxes on fuel") */
} gen_kind;
extern const gen_kind gen_kinds[K_COUNT];

enum { ST_DISASTER, ST_ACCIDENT, ST_CRIME, ST_CORPORATE, ST_PROTEST, ST_LABOUR, ST_DISPUTE,
       ST_LEGAL, ST_LEAGUE, ST_ELECTION, ST_OUTBREAK, ST_TRADE, ST_SUMMIT, ST_COUNT };
enum { OS_NONE, OS_COMPANY, OS_COMPANY2, OS_CLUBS, OS_PARTIES, OS_UNION };   /* the storyline's organisations */

typedef struct {
    const char *name;
    float weight, single, events, gap, comeback;
    uint8_t countries, orgs;
    uint8_t first[6];        /* kinds that can open it (K_COUNT ends) */
    uint8_t middle[8];       /* kinds that follow, equally likely (K_COUNT ends) */
    uint8_t last;            /* kind that closes a phase (K_COUNT: none) */
    uint8_t cast[6];         /* roles made at the start (R_COUNT ends) */
    const char *const *hook, *const *topic, *const *background;
} gen_type;
extern const gen_type gen_types[ST_COUNT];

/* ---- storylines and events (gen_story.c) ---- */
#define GEN_BURST_DAYS 28
#define GEN_CAST 10

typedef struct { int kind, town, start, valid; double num[4]; } gen_past;

typedef struct gen_story {
    uint32_t id;
    uint8_t type, first_kind;
    int country, country2, home;       /* nations, and the home town */
    const gen_org *org[2];
    int clubs[10], nclubs;
    gen_person cast[GEN_CAST];
    int ncast;
    char hook[96];
    const char *topic[6];
    int ntopic;
    int events, left, next_day, phase, live, heap_pos;
    bool phase_start;                   /* the next event opens a phase */
    uint8_t kind_count[K_COUNT];        /* events of each kind so far: "the third round" */
    double base;                        /* "$0": the first event's headline number */
    gen_past prev;
} gen_story;

typedef struct gen_event {
    uint32_t id;
    gen_story *story;
    uint8_t kind;
    int start, nth;                     /* day; which event of the storyline (1 = first) */
    int country, country2, town;
    const gen_org *org[2];
    gen_person actor[3];
    double num[4];
    uint16_t per_day[GEN_BURST_DAYS];
    int left, written;
    gen_past prev;                      /* the storyline's event before this one */
    char spot[48], detail[64];          /* "$X" and "$U": what sets it apart from its kind */
    uint32_t facts;                     /* the kind's facts this event's articles tell */
    char *wire, *wire_title;            /* an article others may copy */
    const gen_outlet *wire_outlet;
    long wire_seq;                      /* its number in the stream */
} gen_event;

typedef struct {
    gen_world *w;
    gen_rng *r;
    struct gen_writer *wr;              /* to word the details of new storylines and events */
    double size_cap, span;
    uint32_t next_event, next_story;
    gen_story **heap;                   /* storylines waiting for their next event, by day */
    int nheap, capheap;
    long stories_made, events_made;
    double size_sum;                    /* articles planned over all events made */
} gen_sim;

struct gen_writer;
gen_story *story_new(gen_sim *s, int type, int first_kind, int day, int avoid_country);
gen_event *story_event(gen_sim *s, gen_story *st, int day);
void story_done_event(gen_sim *s, gen_event *e);
void heap_push(gen_sim *s, gen_story *st);
gen_story *heap_due(gen_sim *s, int day);
double event_size_draw(gen_sim *s, int kind);
int type_draw(gen_rng *r);

/* ---- articles (gen_text.c) ---- */
typedef struct { uint8_t type; size_t off, len; } gen_block;   /* a line or paragraph of an article */

typedef struct gen_writer {
    gen_world *w;
    gen_rng *r;
    gbuf text, title, tmp, html, line;
    gen_block *blk;                     /* the article being written, block by block */
    int nblk, capblk;
    gbuf blktext;
    gen_event **live;                   /* for "Read more" headlines of other stories */
    int nlive;
} gen_writer;

/* Writes one article of e published on day into wr->text/title (and
 * wr->html when as_html); returns the outlet. A copy repeats e's stored
 * article with another outlet's wrapping. */
const gen_outlet *article_write(gen_writer *wr, gen_event *e, int day, bool copy, bool as_html,
                               long seq);
void headline_of(gen_writer *wr, const gen_event *e, int day, gbuf *out);
/* A storyline's words (its subject) expanded with e's details. */
void text_expand_story(gen_writer *wr, const gen_event *e, const char *tpl, gbuf *out);

#endif
