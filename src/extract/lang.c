/* lang.c: the language of an article's text, when its page does not say.
 *
 * Two steps. The script first: most scripts are written by one language of
 * the world's news (Hangul, Greek, Hebrew, Thai, Georgian...), kana marks
 * Japanese among texts in Han characters, and a few letters tell apart the
 * languages that share the Arabic or the Cyrillic script. Latin script
 * then: the commonest function words of each language, counted in the
 * text; the language whose words occur most wins, when they occur often
 * enough and clearly more than the runner-up's. The word lists were
 * written here from general knowledge of these languages: short, and
 * mostly without the words several share ("de", "la", "a", "en"); Danish
 * and Norwegian share most, and are told apart by the few they do not.
 * Not here: the languages the page states (html_meta.c), which
 * come first. */
#include "ex_internal.h"

#include <pthread.h>
#include <string.h>

/* The text looked at: the first this many bytes are plenty to tell. */
#define EX_LANG_BYTES 1024

/* No function word of the lists is longer (in bytes, accents included). */
#define EX_LANG_WORD_BYTES 10

/* A script's letters must be at least this share of all letters. */
#define EX_LANG_SCRIPT_SHARE 0.3

/* A Latin-script language needs this many function-word hits, and half as
 * many again as the runner-up. */
#define EX_LANG_MIN_HITS 3

typedef struct lang_words { const char *code; const char *const *words; } lang_words;

/* Written as u8_fold leaves them: lower case, without accents. */
static const char *const en[] = {"the", "and", "of", "to", "is", "that", "with", "for", "was", "are",
                                 "this", "have", "from", "they", "which", "were", "been", "will", "would", "their", NULL};
static const char *const de[] = {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "dem",
                                 "den", "ein", "eine", "auch", "wird", "werden", "nach", "wie", "oder", "bei", NULL};
static const char *const fr[] = {"le", "les", "des", "est", "une", "dans", "pour", "qui", "pas", "sur",
                                 "avec", "sont", "mais", "nous", "ont", "cette", "aux", "leur", "ete", "du", NULL};
static const char *const es[] = {"el", "los", "las", "del", "por", "con", "para", "mas", "pero", "sus",
                                 "fue", "esta", "este", "entre", "cuando", "muy", "sin", "tambien", "su", "es", NULL};
static const char *const it[] = {"il", "della", "che", "di", "per", "sono", "gli", "nel", "non", "alla",
                                 "delle", "anche", "piu", "questo", "dei", "nella", "stato", "ha", "ad", "essere", NULL};
static const char *const pt[] = {"os", "nao", "uma", "com", "do", "da", "dos", "das", "foi", "mas",
                                 "ao", "pelo", "pela", "sao", "tambem", "seu", "sua", "ja", "quando", "isso", NULL};
static const char *const nl[] = {"het", "een", "van", "niet", "zijn", "voor", "met", "ook", "wordt", "maar",
                                 "dat", "bij", "worden", "deze", "naar", "heeft", "nog", "om", "hun", "zij", NULL};
static const char *const pl[] = {"sie", "nie", "jest", "ze", "na", "do", "jak", "ale", "przez", "oraz",
                                 "tak", "byc", "juz", "jego", "dla", "ktory", "ktore", "czy", "od", "tez", NULL};
static const char *const sv[] = {"och", "att", "som", "med", "ar", "inte", "har", "till", "av", "det",
                                 "pa", "var", "kan", "men", "ocksa", "eller", "efter", "vid", "sig", "om", NULL};
static const char *const da[] = {"af", "efter", "blev", "sig", "mig", "vaeret", "hvad", "meget", "nu", "ikke",
                                 "og", "til", "det", "er", NULL};
static const char *const no_[] = {"av", "etter", "ble", "seg", "meg", "vaert", "hva", "mye", "na", "ikke",
                                  "og", "til", "det", "er", NULL};
static const char *const fi[] = {"ja", "on", "ei", "etta", "se", "oli", "ovat", "mutta", "kun", "myos",
                                 "tai", "han", "sen", "niin", "vain", "jo", "kuin", "jotka", "ole", "seka", NULL};
static const char *const cs[] = {"je", "se", "na", "to", "jsou", "byl", "jako", "ale", "pro", "ktere",
                                 "ktery", "jeho", "nebo", "bylo", "podle", "uz", "by", "jsme", "bude", "tak", NULL};
static const char *const ro[] = {"si", "este", "care", "pentru", "nu", "cu", "din", "la", "sunt", "mai",
                                 "fost", "aceasta", "dar", "sau", "acest", "lui", "au", "ca", "fi", "fara", NULL};
static const char *const hu[] = {"az", "hogy", "nem", "is", "egy", "van", "meg", "mar", "csak", "volt",
                                 "mint", "kell", "vagy", "ezt", "utan", "lesz", "szerint", "pedig", "majd", "amikor", NULL};
static const char *const tr[] = {"ve", "bir", "bu", "icin", "ile", "olarak", "cok", "daha", "gibi", "ama",
                                 "olan", "kadar", "sonra", "degil", "her", "ise", "ancak", "bunu", "diye", "yeni", NULL};
static const char *const id[] = {"yang", "dan", "di", "dengan", "untuk", "tidak", "ini", "dari", "dalam", "akan",
                                 "pada", "juga", "itu", "ada", "oleh", "karena", "sudah", "mereka", "bisa", "atau", NULL};

static const lang_words latin[] = {
    {"en", en}, {"de", de}, {"fr", fr}, {"es", es}, {"it", it}, {"pt", pt}, {"nl", nl}, {"pl", pl},
    {"sv", sv}, {"da", da}, {"no", no_}, {"fi", fi}, {"cs", cs}, {"ro", ro}, {"hu", hu}, {"tr", tr},
    {"id", id},
};
#define N_LATIN (sizeof latin / sizeof latin[0])

enum { S_LATIN, S_HAN, S_KANA, S_HANGUL, S_ARABIC, S_HEBREW, S_CYRILLIC, S_GREEK, S_THAI,
       S_DEVANAGARI, S_BENGALI, S_TAMIL, S_GEORGIAN, S_ARMENIAN, S_ETHIOPIC, S_N };

static int script_of(int32_t cp)
{
    if (cp < 0x250) return S_LATIN;
    if (cp >= 0x370 && cp < 0x400) return S_GREEK;
    if (cp >= 0x400 && cp < 0x530) return S_CYRILLIC;
    if (cp >= 0x530 && cp < 0x590) return S_ARMENIAN;
    if (cp >= 0x590 && cp < 0x600) return S_HEBREW;
    if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) || (cp >= 0xFB50 && cp < 0xFF00)) return S_ARABIC;
    if (cp >= 0x900 && cp < 0x980) return S_DEVANAGARI;
    if (cp >= 0x980 && cp < 0xA00) return S_BENGALI;
    if (cp >= 0xB80 && cp < 0xC00) return S_TAMIL;
    if (cp >= 0xE00 && cp < 0xE80) return S_THAI;
    if (cp >= 0x10A0 && cp < 0x1100) return S_GEORGIAN;
    if (cp >= 0x1100 && cp < 0x1200) return S_HANGUL;
    if (cp >= 0x1200 && cp < 0x13A0) return S_ETHIOPIC;
    if (cp >= 0x1E00 && cp < 0x1F00) return S_LATIN;
    if (cp >= 0x3040 && cp < 0x3100) return S_KANA;
    if ((cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0x4E00 && cp < 0xA000)) return S_HAN;
    if (cp >= 0xAC00 && cp < 0xD7B0) return S_HANGUL;
    return -1;
}

/* Letters that only some of a script's languages write. */
static bool any_of(int32_t cp, const int32_t *set)
{
    for (; *set; set++)
        if (cp == *set) return true;
    return false;
}

static const int32_t persian[] = {0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC, 0};   /* پ چ ژ گ ک ی */
static const int32_t urdu[] = {0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0};     /* ٹ ڈ ڑ ں ے ہ */
static const int32_t ukrainian[] = {0x0456, 0x0457, 0x0454, 0x0491, 0};                 /* і ї є ґ */
static const int32_t serbian[] = {0x0452, 0x045B, 0x045F, 0x0458, 0x0459, 0x045A, 0};   /* ђ ћ џ ј љ њ */
static const int32_t russian_only[] = {0x044B, 0x044D, 0x0451, 0};                      /* ы э ё */

/* Every list word in one hash set, with the languages whose list holds
 * it as bits: filled once (pthread_once: extraction runs on several
 * threads), then only read. */
#define EX_LANG_SLOTS 1024

static struct { const char *word; uint8_t len; uint32_t langs; } slots[EX_LANG_SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static size_t slot_of(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    size_t i = h & (EX_LANG_SLOTS - 1);
    while (slots[i].word && !(slots[i].len == n && !memcmp(slots[i].word, w, n))) i = (i + 1) & (EX_LANG_SLOTS - 1);
    return i;
}

static void fill_slots(void)
{
    for (size_t l = 0; l < N_LATIN; l++)
        for (const char *const *x = latin[l].words; *x; x++) {
            size_t i = slot_of(*x, strlen(*x));
            slots[i].word = *x;
            slots[i].len = (uint8_t)strlen(*x);
            slots[i].langs |= 1u << l;
        }
}

static const char *latin_language(const char *s, size_t n, buf *fold)
{
    pthread_once(&slots_once, fill_slots);
    size_t hits[N_LATIN] = {0};
    size_t pos = 0;
    ex_span tok;
    while (ex_next_token((ex_span){s, n}, &pos, &tok)) {
        ex_span core = ex_core(tok);
        /* function words are short: longer words need no look */
        if (!core.n || core.n > EX_LANG_WORD_BYTES) continue;
        char low[EX_LANG_WORD_BYTES + 1];
        size_t k = 0;
        while (k < core.n && (unsigned char)core.s[k] < 0x80) {
            low[k] = (char)(core.s[k] >= 'A' && core.s[k] <= 'Z' ? core.s[k] + 32 : core.s[k]);
            k++;
        }
        const char *w = low;
        if (k < core.n) { k = u8_fold(core.s, core.n, fold); w = fold->data; }   /* accents: fold */
        uint32_t langs = slots[slot_of(w, k)].langs;
        for (size_t l = 0; langs; l++, langs >>= 1) hits[l] += langs & 1;
    }
    size_t best = 0, second = 0;
    for (size_t l = 1; l < N_LATIN; l++)
        if (hits[l] > hits[best]) best = l;
    for (size_t l = 0; l < N_LATIN; l++)
        if (l != best && hits[l] > second) second = hits[l];
    if (hits[best] < EX_LANG_MIN_HITS || 2 * hits[best] < 3 * second) return NULL;
    return latin[best].code;
}

const char *ex_guess_language(const char *text, size_t n)
{
    if (!text) return NULL;
    if (n > EX_LANG_BYTES) n = EX_LANG_BYTES;
    size_t count[S_N] = {0}, letters = 0, fa = 0, ur = 0, uk = 0, sr = 0, ru = 0;
    int len;
    for (size_t i = 0; i < n; i += (size_t)len) {
        int32_t cp = u8_decode(text + i, n - i, &len);
        if (!u8_is_letter(cp)) continue;
        int sc = script_of(cp);
        letters++;
        if (sc < 0) continue;
        count[sc]++;
        if (sc == S_ARABIC) { fa += any_of(cp, persian); ur += any_of(cp, urdu); }
        if (sc == S_CYRILLIC) { uk += any_of(cp, ukrainian); sr += any_of(cp, serbian); ru += any_of(cp, russian_only); }
    }
    if (!letters) return NULL;
    int top = 0;
    for (int sc = 1; sc < S_N; sc++)
        if (count[sc] > count[top]) top = sc;
    /* Japanese writes Han and kana together; a little kana is Japanese. */
    if (count[S_KANA] * 10 >= count[S_HAN] + count[S_KANA] && count[S_KANA] > 0 &&
        (double)(count[S_HAN] + count[S_KANA]) >= EX_LANG_SCRIPT_SHARE * (double)letters)
        return "ja";
    if ((double)count[top] < EX_LANG_SCRIPT_SHARE * (double)letters) return NULL;
    switch (top) {
    case S_HAN: return "zh";
    case S_HANGUL: return "ko";
    case S_ARABIC: return ur > fa / 2 && ur > 2 ? "ur" : fa > 2 ? "fa" : "ar";
    case S_HEBREW: return "he";
    case S_CYRILLIC: return uk > 2 && uk > ru ? "uk" : sr > 2 && sr > ru ? "sr" : "ru";
    case S_GREEK: return "el";
    case S_THAI: return "th";
    case S_DEVANAGARI: return "hi";
    case S_BENGALI: return "bn";
    case S_TAMIL: return "ta";
    case S_GEORGIAN: return "ka";
    case S_ARMENIAN: return "hy";
    case S_ETHIOPIC: return "am";
    default: break;
    }
    buf fold;
    buf_init(&fold);
    const char *l = latin_language(text, n, &fold);
    buf_free(&fold);
    return l;
}
