/* ex_internal.h: what the files of the extract stage share: the block (one
 * line of the page) with its features and class, and the helpers that
 * compute them.
 *
 * Private to src/extract/; the stage's interface is extract.h. */
#ifndef SL_EX_INTERNAL_H
#define SL_EX_INTERNAL_H

#include "extract.h"
#include "dom.h"

#include <pthread.h>

/* A run of bytes inside the page's (sanitized) text; never NUL-terminated. */
typedef struct ex_span {
    const char *s;
    size_t      n;
} ex_span;

/* The classes of jusText: bad is boilerplate whatever its neighbours; short
 * and near-good are decided by their neighbours; good is content. */
typedef enum ex_class { EX_BAD, EX_SHORT, EX_NEARGOOD, EX_GOOD } ex_class;

/* What a block turned out to be besides body or boilerplate. */
typedef enum ex_role { EX_ROLE_NONE, EX_ROLE_TITLE, EX_ROLE_SUBTITLE, EX_ROLE_BYLINE } ex_role;

typedef struct ex_block {
    ex_span  text;          /* the trimmed line */
    /* counts (blocks.c) */
    size_t   chars;         /* code points */
    size_t   words;         /* tokens holding a letter or digit */
    size_t   alpha_words;   /* of those, starting with a letter */
    size_t   caps;          /* alpha words starting with a capital */
    size_t   stops;         /* function words (stop_is_word) */
    size_t   content_caps;  /* capitalised alpha words that are not function words */
    size_t   nonspace;      /* code points that are not white space */
    size_t   figures;       /* digits and currency signs (category Sc) */
    /* shapes (shape.c) */
    bool     terminal;      /* ends a sentence: . ! ? maybe then quotes or ')' */
    bool     period_end;    /* that sentence end is a period (not ? or !) */
    bool     inner_stop;    /* a sentence ends inside the line: no headline */
    bool     ellipsis;      /* ends with "..." or "…": a truncated teaser */
    bool     headline;      /* title case: almost every content word capitalised */
    bool     template_markup; /* {{x}} or {%x%} left by a page template */
    bool     label_only;    /* "Read more:" : a short label and nothing else */
    bool     label_link;    /* "Label: Some Headline": an entry of a link list */
    bool     bullet;        /* starts with "- ", "• " and the like */
    bool     signoff;       /* "--IANS", "ksk": agency or editor sign-off */
    bool     caption;       /* photo caption with a picture code or credit */
    unsigned separators;    /* standalone | / » › > tokens, as in breadcrumbs */
    unsigned gaps;          /* runs of 2+ spaces not after a sentence end */
    /* HTML evidence (html_blocks.c, html_body.c); all zero for plain text */
    bool     html;          /* the text of one block-level element of a page */
    bool     in_main;       /* inside the container chosen as the article's */
    bool     heading;       /* inside h1-h6 */
    bool     off_hint;      /* under a class or id that names boilerplate
                             * (share, related, comment...) below the main container */
    bool     in_caption;    /* inside figure, figcaption or a table caption */
    bool     in_cell;       /* inside a table cell (td, th) */
    bool     in_pre;        /* inside <pre>: a code listing, a poem, a table as text */
    size_t   link_chars;    /* of chars, those inside <a> */
    /* decisions (boilerplate.c, title.c, dateline.c) */
    ex_class cf;            /* context-free class */
    ex_class cls;           /* class after looking at the neighbours */
    ex_role  role;
} ex_block;

typedef struct ex_doc {
    ex_block *b;
    size_t    n;
} ex_doc;

/* ---- blocks.c ---- */
/* Split text into blocks (non-empty trimmed lines) allocated in a, and
 * compute every feature of each. */
void    ex_split(const char *s, size_t n, arena *a, ex_doc *doc);
/* Compute every count and shape of b from b->text (all else zero); fold is
 * scratch space. The HTML front end builds its blocks with it too. */
void    ex_measure(ex_block *b, buf *fold);
ex_span ex_trim(ex_span t);
/* Next whitespace-separated token of t at or after *pos; false at the end. */
bool    ex_next_token(ex_span t, size_t *pos, ex_span *tok);
/* The token without leading and trailing punctuation (may be empty). */
ex_span ex_core(ex_span tok);
int32_t ex_first_cp(ex_span t);
/* Is the folded form of this word a function word? fold is scratch space. */
bool    ex_is_stop(ex_span core, buf *fold);
bool    ex_span_eq(ex_span a, ex_span b);

/* ---- shape.c ---- */
/* The shapes of b's tokens, fed one at a time in order (ex_measure's one
 * pass over them), then the shapes of the whole line; the word counts
 * must be done by then. */
typedef struct ex_shape_run {
    size_t  i, caps_tail;
    bool    code, marker;
    ex_span prev;
} ex_shape_run;
void ex_shape_token(ex_block *b, ex_shape_run *r, ex_span tok);
void ex_shape(ex_block *b, const ex_shape_run *r);
/* Does t end a sentence (. ! ? then maybe closing quotes or ')')? Sets
 * *period when the mark is a full stop. */
bool ex_ends_sentence(ex_span t, bool *period);
bool ex_ends_ellipsis(ex_span t);
/* "Word Word: rest": the label's length in bytes up to the colon, 0 if t
 * does not open with a short label. */
size_t ex_label_len(ex_span t);
bool   ex_is_separator_token(ex_span tok);

/* ---- boilerplate.c ---- */
/* 30% or more digits and currency signs: prices, scores, dates. */
bool ex_mostly_figures(const ex_block *b);
/* A menu or a breadcrumb. */
bool ex_navigation(const ex_block *b);
/* Hard evidence of boilerplate: no neighbour can make such a block content. */
bool ex_hard_bad(const ex_block *b);
/* A block that reads as running prose (a sentence, not a heading). */
bool ex_prose_like(const ex_block *b);
/* A line without a sentence end may still be a paragraph that lost its full
 * stop, if it is long: headings, link titles and notices are under 25 words. */
#define EX_LONG_WORDS 25
/* Prose-like, or a clean line long enough to be a paragraph. */
bool ex_reads_as_prose(const ex_block *b);
void ex_classify(ex_doc *doc);
/* When no block is good, make the best of what there is: the longest
 * prose-like blocks, or failing those the longest line. */
void ex_rescue(ex_doc *doc);

/* ---- title.c ---- */
/* The title: page->title when given (its line above the body, if any, is
 * marked), else the best headline-shaped line above the body. */
ex_span ex_find_title(ex_doc *doc, size_t first_body, const char *given);
/* The headline-shaped line right after the title (bylines skipped). */
ex_span ex_find_subtitle(ex_doc *doc, size_t first_body);

/* ---- dateline.c ---- */
/* The names of the first "By ..." line above the body. */
ex_span ex_find_byline(ex_doc *doc, size_t first_body);
/* The dateline that opens a body paragraph ("WASHINGTON (AP)"), or empty. */
ex_span ex_dateline_of(ex_span para);

/* ---- the HTML front end ----
 * An HTML page is parsed once into the tree of dom.h (html.c); the metadata
 * reader (html_meta.c) and the body finder (html_body.c) both read that
 * tree. Both leave what they do not find NULL or SL_NO_DATE; neither
 * changes the tree. */

/* Parse page->body (page->body_len bytes) as HTML, decoding its charset from
 * page->charset, the page's meta tags, or detection, into a tree in a: its
 * root element. NULL with a message in err naming page->input when there
 * is nothing to parse. */
const ex_node *ex_html_parse(const sl_page *page, arena *a, err_slot *err);

/* Title, byline (author), publication day (only when out->published is
 * SL_NO_DATE: the container's date wins), language and subtitle from the
 * tree: JSON-LD, Open Graph and other meta tags, <time>, the headline
 * element, <title> minus the site name, <html lang>, the URL. Strings in a. */
void ex_html_meta(const ex_node *root, const sl_page *page, arena *a, sl_article *out);

/* The article body: out->paragraphs, n_paragraphs, text and text_len (the
 * paragraphs joined by a blank line), in a. SL_EINPUT with a message in err
 * when the page holds no article. */
sl_status ex_html_body(const ex_node *root, const sl_page *page, arena *a, sl_article *out,
                       err_slot *err);

/* ---- html_blocks.c: the tree flattened for the classifier ----
 * A box is an element that holds blocks: a block-level element, or any
 * element whose class or id is a hint. Boxes are numbered in the order their
 * start tags come, so the boxes inside box i are those from i + 1 to
 * box[i].end - 1, and its blocks those from first_block to end_block - 1. */
typedef struct ex_box {
    int32_t  parent;        /* enclosing box, -1 at the top */
    uint32_t end;
    uint32_t first_block, end_block;
    int32_t  hinted;        /* nearest box at or above this one with a hint, or -1 */
    int8_t   hint;          /* +1 class or id of an article, -1 of boilerplate, 0 */
    bool     article;       /* an <article> element */
    bool     folded;        /* a folded panel (html_blocks.c): one part of several */
} ex_box;

typedef struct ex_html_blocks {
    ex_doc    doc;          /* every block of the page, in order, text in the arena */
    uint32_t *owner;        /* the innermost box of each block */
    ex_box   *box;
    size_t    n_box;
} ex_html_blocks;

/* The blocks of doc; hidden elements (the hidden attribute, display:none)
 * only when hidden_too. */
void ex_html_flatten(const ex_node *root, arena *a, bool hidden_too, ex_html_blocks *out);

/* ---- words.c ---- */
/* A set of up to 64 non-empty lower-case words, searched for together;
 * zeroed ({0}) it is empty. */
#define EX_WORDS_MAX 64
typedef struct ex_words {
    const char *w[EX_WORDS_MAX];
    uint8_t     len[EX_WORDS_MAX];
    uint64_t    by_first[256];   /* the words beginning with each byte (either case) */
    uint64_t    by_second[256];  /* the words whose second byte it is (either case) */
    uint64_t    single;          /* the words of one byte */
    size_t      n;
} ex_words;

/* Add words[0..n) to the set (not copied; more than EX_WORDS_MAX in all
 * aborts): the mask of their bits in what ex_words_in returns. */
uint64_t ex_words_add(ex_words *ws, const char *const *words, size_t n);
/* Which of the words occur in s[0..n), ASCII letters in either case: a
 * bit for each, in the order they were added. */
uint64_t ex_words_in(const ex_words *ws, const char *s, size_t n);

/* A thread's memory of one kind of answer (64 bits) about short strings,
 * such as class names (words.c): ex_memo_get gives back what ex_memo_put
 * was last given for the same bytes, if the memo still holds it. Declare
 * one as static ex_memo m = EX_MEMO_INIT. */
typedef struct ex_memo {
    pthread_mutex_t lock;
    pthread_key_t   key;
    _Atomic int     keyed;      /* 0 not yet, 1 keyed, -1 failed */
} ex_memo;
#define EX_MEMO_INIT {PTHREAD_MUTEX_INITIALIZER, 0, 0}
bool ex_memo_get(ex_memo *m, const char *s, size_t n, uint64_t *v);
void ex_memo_put(ex_memo *m, const char *s, size_t n, uint64_t v);

/* ---- lang.c ---- */
/* ISO 639-1 code of the language text (n bytes) is written in, from its
 * script and, in Latin script, its commonest function words; NULL when it
 * cannot tell. */
const char *ex_guess_language(const char *text, size_t n);

/* ---- extract.c ---- */
/* out->paragraphs and out->text from the good blocks of doc that have no
 * other role, in a. */
void ex_collect_body(const ex_doc *doc, arena *a, sl_article *out);

#endif
