/* dom_parse.c: our HTML parser, building the tree of dom.h in one pass.
 *
 * It reads a page as libxml2 2.9.14's HTML parser reads it in recovery
 * mode (HTMLparser.c with the SAX2 tree builder, HTML_PARSE_NOBLANKS), so
 * that the extract stage sees the same tree without libxml2's cost: one
 * scan over the bytes, nodes and strings from the arena, no call per
 * character. What it keeps of libxml2's behaviour, quirks included:
 *
 *   - names: tags and attributes are [A-Za-z_:.][A-Za-z0-9_:.-]* cut at
 *     100 bytes, lower-cased; an attribute named twice keeps its first
 *     value; boolean attributes written bare (checked, selected...) get
 *     their own name as value, other bare ones none;
 *   - entities: the HTML 4 set and &apos;, only with their ';'; a numeric
 *     reference that is not a character is dropped in text and cuts an
 *     attribute value short;
 *   - structure: implied html, head, body and p; the start tags that close
 *     open elements (htmlStartClose); end tags that close only what their
 *     priority allows and are ignored when nothing open matches; misplaced
 *     html, head and body tags dropped; x/> closes any element;
 *   - text: runs of white space dropped where libxml2's areBlanks drops
 *     them; control characters and U+FFFE, U+FFFF dropped; script and style
 *     read raw up to "</script" or "</style";
 *   - the document: what follows the root's end lands inside the root when
 *     nothing (doctype, comment, PI) came before the root, else nowhere.
 *
 * Where it differs: bytes that are not UTF-8 become U+FFFD (libxml2 would
 * re-read the page as Latin-1). No recursion: pages nest without bound. */
#include "dom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tables (from libxml2 2.9.14's HTMLparser.c, read off the library) -- */

enum { F_VOID = 1, F_PCDATA = 2, F_RAW = 4 };

typedef struct tag_desc {
    const char *name;
    uint8_t     len, id, flags, prio;  /* prio: which end tags may close it */
} tag_desc;

typedef struct entity {
    const char *name;
    uint32_t    cp;
} entity;

#define B(t) ((uint64_t)1 << ((t) - 1))

enum {
    T_UNKNOWN = 0,
    T_A = 1,
    T_ADDRESS = 2,
    T_B = 3,
    T_BIG = 4,
    T_CAPTION = 5,
    T_COL = 6,
    T_COLGROUP = 7,
    T_DD = 8,
    T_DIR = 9,
    T_DL = 10,
    T_DT = 11,
    T_FONT = 12,
    T_FORM = 13,
    T_H1 = 14,
    T_H2 = 15,
    T_H3 = 16,
    T_H4 = 17,
    T_H5 = 18,
    T_H6 = 19,
    T_HEAD = 20,
    T_HR = 21,
    T_I = 22,
    T_LEGEND = 23,
    T_LI = 24,
    T_LINK = 25,
    T_LISTING = 26,
    T_MENU = 27,
    T_OL = 28,
    T_OPTION = 29,
    T_P = 30,
    T_PRE = 31,
    T_S = 32,
    T_SCRIPT = 33,
    T_SMALL = 34,
    T_SPAN = 35,
    T_STRIKE = 36,
    T_STYLE = 37,
    T_TBODY = 38,
    T_TD = 39,
    T_TFOOT = 40,
    T_TH = 41,
    T_THEAD = 42,
    T_TITLE = 43,
    T_TR = 44,
    T_TT = 45,
    T_U = 46,
    T_UL = 47,
    T_XMP = 48,
    T_ABBR = 49,
    T_ACRONYM = 50,
    T_APPLET = 51,
    T_AREA = 52,
    T_BASE = 53,
    T_BASEFONT = 54,
    T_BDO = 55,
    T_BLOCKQUOTE = 56,
    T_BODY = 57,
    T_BR = 58,
    T_BUTTON = 59,
    T_CENTER = 60,
    T_CITE = 61,
    T_CODE = 62,
    T_DEL = 63,
    T_DFN = 64,
    T_DIV = 65,
    T_EM = 66,
    T_EMBED = 67,
    T_FIELDSET = 68,
    T_FRAME = 69,
    T_FRAMESET = 70,
    T_HTML = 71,
    T_IFRAME = 72,
    T_IMG = 73,
    T_INPUT = 74,
    T_INS = 75,
    T_ISINDEX = 76,
    T_KBD = 77,
    T_LABEL = 78,
    T_MAP = 79,
    T_META = 80,
    T_NOFRAMES = 81,
    T_NOSCRIPT = 82,
    T_OBJECT = 83,
    T_OPTGROUP = 84,
    T_PARAM = 85,
    T_Q = 86,
    T_SAMP = 87,
    T_SELECT = 88,
    T_STRONG = 89,
    T_SUB = 90,
    T_SUP = 91,
    T_TABLE = 92,
    T_TEXTAREA = 93,
    T_VAR = 94,
    T_COUNT
};

static const tag_desc tags[] = {
    {"a", 1, T_A, F_PCDATA, 100},
    {"abbr", 4, T_ABBR, F_PCDATA, 100},
    {"acronym", 7, T_ACRONYM, F_PCDATA, 100},
    {"address", 7, T_ADDRESS, F_PCDATA, 100},
    {"applet", 6, T_APPLET, F_PCDATA, 100},
    {"area", 4, T_AREA, F_VOID, 100},
    {"b", 1, T_B, F_PCDATA, 100},
    {"base", 4, T_BASE, F_VOID, 100},
    {"basefont", 8, T_BASEFONT, F_VOID, 100},
    {"bdo", 3, T_BDO, F_PCDATA, 100},
    {"big", 3, T_BIG, F_PCDATA, 100},
    {"blockquote", 10, T_BLOCKQUOTE, F_PCDATA, 100},
    {"body", 4, T_BODY, F_PCDATA, 200},
    {"br", 2, T_BR, F_VOID, 100},
    {"button", 6, T_BUTTON, F_PCDATA, 100},
    {"caption", 7, T_CAPTION, F_PCDATA, 100},
    {"center", 6, T_CENTER, F_PCDATA, 100},
    {"cite", 4, T_CITE, F_PCDATA, 100},
    {"code", 4, T_CODE, F_PCDATA, 100},
    {"col", 3, T_COL, F_VOID, 100},
    {"colgroup", 8, T_COLGROUP, 0, 100},
    {"dd", 2, T_DD, F_PCDATA, 100},
    {"del", 3, T_DEL, F_PCDATA, 100},
    {"dfn", 3, T_DFN, F_PCDATA, 100},
    {"dir", 3, T_DIR, 0, 100},
    {"div", 3, T_DIV, F_PCDATA, 150},
    {"dl", 2, T_DL, 0, 100},
    {"dt", 2, T_DT, F_PCDATA, 100},
    {"em", 2, T_EM, F_PCDATA, 100},
    {"embed", 5, T_EMBED, 0, 100},
    {"fieldset", 8, T_FIELDSET, 0, 100},
    {"font", 4, T_FONT, F_PCDATA, 100},
    {"form", 4, T_FORM, F_PCDATA, 100},
    {"frame", 5, T_FRAME, F_VOID, 100},
    {"frameset", 8, T_FRAMESET, 0, 100},
    {"h1", 2, T_H1, F_PCDATA, 100},
    {"h2", 2, T_H2, F_PCDATA, 100},
    {"h3", 2, T_H3, F_PCDATA, 100},
    {"h4", 2, T_H4, F_PCDATA, 100},
    {"h5", 2, T_H5, F_PCDATA, 100},
    {"h6", 2, T_H6, F_PCDATA, 100},
    {"head", 4, T_HEAD, 0, 200},
    {"hr", 2, T_HR, F_VOID, 100},
    {"html", 4, T_HTML, 0, 220},
    {"i", 1, T_I, F_PCDATA, 100},
    {"iframe", 6, T_IFRAME, F_PCDATA, 100},
    {"img", 3, T_IMG, F_VOID, 100},
    {"input", 5, T_INPUT, F_VOID, 100},
    {"ins", 3, T_INS, F_PCDATA, 100},
    {"isindex", 7, T_ISINDEX, F_VOID, 100},
    {"kbd", 3, T_KBD, F_PCDATA, 100},
    {"label", 5, T_LABEL, F_PCDATA, 100},
    {"legend", 6, T_LEGEND, F_PCDATA, 100},
    {"li", 2, T_LI, F_PCDATA, 100},
    {"link", 4, T_LINK, F_VOID, 100},
    {"listing", 7, T_LISTING, 0, 100},
    {"map", 3, T_MAP, 0, 100},
    {"menu", 4, T_MENU, 0, 100},
    {"meta", 4, T_META, F_VOID, 100},
    {"noframes", 8, T_NOFRAMES, F_PCDATA, 100},
    {"noscript", 8, T_NOSCRIPT, F_PCDATA, 100},
    {"object", 6, T_OBJECT, F_PCDATA, 100},
    {"ol", 2, T_OL, 0, 100},
    {"optgroup", 8, T_OPTGROUP, 0, 100},
    {"option", 6, T_OPTION, 0, 100},
    {"p", 1, T_P, F_PCDATA, 100},
    {"param", 5, T_PARAM, F_VOID, 100},
    {"pre", 3, T_PRE, F_PCDATA, 100},
    {"q", 1, T_Q, F_PCDATA, 100},
    {"s", 1, T_S, F_PCDATA, 100},
    {"samp", 4, T_SAMP, F_PCDATA, 100},
    {"script", 6, T_SCRIPT, F_RAW, 100},
    {"select", 6, T_SELECT, 0, 100},
    {"small", 5, T_SMALL, F_PCDATA, 100},
    {"span", 4, T_SPAN, F_PCDATA, 100},
    {"strike", 6, T_STRIKE, F_PCDATA, 100},
    {"strong", 6, T_STRONG, F_PCDATA, 100},
    {"style", 5, T_STYLE, F_RAW, 100},
    {"sub", 3, T_SUB, 0, 100},
    {"sup", 3, T_SUP, 0, 100},
    {"table", 5, T_TABLE, 0, 190},
    {"tbody", 5, T_TBODY, 0, 180},
    {"td", 2, T_TD, F_PCDATA, 160},
    {"textarea", 8, T_TEXTAREA, 0, 100},
    {"tfoot", 5, T_TFOOT, 0, 180},
    {"th", 2, T_TH, F_PCDATA, 160},
    {"thead", 5, T_THEAD, 0, 180},
    {"title", 5, T_TITLE, 0, 100},
    {"tr", 2, T_TR, 0, 170},
    {"tt", 2, T_TT, F_PCDATA, 100},
    {"u", 1, T_U, F_PCDATA, 100},
    {"ul", 2, T_UL, 0, 100},
    {"var", 3, T_VAR, F_PCDATA, 100},
    {"xmp", 3, T_XMP, 0, 100},
};

/* closes[new]: the open elements a start tag of new closes, bit t - 1 for
 * tag t; all such tags are numbered first, below 64. */
static const uint64_t closes[T_COUNT] = {
    [T_A] = B(T_A) | B(T_HEAD),
    [T_ADDRESS] = B(T_HEAD) | B(T_P) | B(T_UL),
    [T_B] = B(T_HEAD),
    [T_BIG] = B(T_HEAD),
    [T_CAPTION] = B(T_P),
    [T_COL] = B(T_CAPTION) | B(T_COL) | B(T_P),
    [T_COLGROUP] = B(T_CAPTION) | B(T_COL) | B(T_COLGROUP) | B(T_P),
    [T_DD] = B(T_ADDRESS) | B(T_DIR) | B(T_DT) | B(T_HEAD) | B(T_LISTING) | B(T_MENU) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_DIR] = B(T_HEAD) | B(T_P),
    [T_DL] = B(T_ADDRESS) | B(T_DIR) | B(T_DT) | B(T_HEAD) | B(T_LISTING) | B(T_MENU) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_DT] = B(T_ADDRESS) | B(T_DD) | B(T_DIR) | B(T_HEAD) | B(T_LISTING) | B(T_MENU) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_FONT] = B(T_HEAD),
    [T_FORM] = B(T_ADDRESS) | B(T_DIR) | B(T_DL) | B(T_FORM) | B(T_H1) | B(T_H2) | B(T_H3) | B(T_H4) | B(T_H5) | B(T_H6) | B(T_HEAD) | B(T_HR) | B(T_LISTING) | B(T_MENU) | B(T_OL) | B(T_P) | B(T_PRE) | B(T_UL) | B(T_XMP),
    [T_H1] = B(T_HEAD) | B(T_P),
    [T_H2] = B(T_HEAD) | B(T_P),
    [T_H3] = B(T_HEAD) | B(T_P),
    [T_H4] = B(T_HEAD) | B(T_P),
    [T_H5] = B(T_HEAD) | B(T_P),
    [T_H6] = B(T_HEAD) | B(T_P),
    [T_HEAD] = B(T_P),
    [T_HR] = B(T_HEAD) | B(T_P),
    [T_I] = B(T_HEAD),
    [T_LI] = B(T_ADDRESS) | B(T_DL) | B(T_H1) | B(T_H2) | B(T_H3) | B(T_H4) | B(T_H5) | B(T_H6) | B(T_HEAD) | B(T_LI) | B(T_LISTING) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_LISTING] = B(T_HEAD) | B(T_P),
    [T_MENU] = B(T_HEAD) | B(T_P) | B(T_UL),
    [T_OL] = B(T_HEAD) | B(T_P) | B(T_UL),
    [T_OPTION] = B(T_OPTION),
    [T_P] = B(T_B) | B(T_BIG) | B(T_H1) | B(T_H2) | B(T_H3) | B(T_H4) | B(T_H5) | B(T_H6) | B(T_HEAD) | B(T_I) | B(T_P) | B(T_S) | B(T_SMALL) | B(T_STRIKE) | B(T_TT) | B(T_U),
    [T_PRE] = B(T_HEAD) | B(T_P) | B(T_UL),
    [T_S] = B(T_HEAD),
    [T_SMALL] = B(T_HEAD),
    [T_SPAN] = B(T_HEAD),
    [T_STRIKE] = B(T_HEAD),
    [T_TBODY] = B(T_CAPTION) | B(T_COL) | B(T_COLGROUP) | B(T_P) | B(T_TBODY) | B(T_TD) | B(T_TFOOT) | B(T_TH) | B(T_THEAD) | B(T_TR),
    [T_TD] = B(T_A) | B(T_B) | B(T_FONT) | B(T_I) | B(T_P) | B(T_SPAN) | B(T_TD) | B(T_TH) | B(T_U),
    [T_TFOOT] = B(T_CAPTION) | B(T_COL) | B(T_COLGROUP) | B(T_P) | B(T_TBODY) | B(T_TD) | B(T_TH) | B(T_THEAD) | B(T_TR),
    [T_TH] = B(T_A) | B(T_B) | B(T_FONT) | B(T_I) | B(T_P) | B(T_SPAN) | B(T_TD) | B(T_TH) | B(T_U),
    [T_THEAD] = B(T_CAPTION) | B(T_COL) | B(T_COLGROUP),
    [T_TITLE] = B(T_P),
    [T_TR] = B(T_CAPTION) | B(T_COL) | B(T_COLGROUP) | B(T_P) | B(T_TD) | B(T_TH) | B(T_TR),
    [T_TT] = B(T_HEAD),
    [T_U] = B(T_HEAD),
    [T_UL] = B(T_ADDRESS) | B(T_DIR) | B(T_HEAD) | B(T_LISTING) | B(T_MENU) | B(T_OL) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_XMP] = B(T_HEAD) | B(T_P),
    [T_ABBR] = B(T_HEAD),
    [T_ACRONYM] = B(T_HEAD),
    [T_BDO] = B(T_HEAD),
    [T_BLOCKQUOTE] = B(T_HEAD) | B(T_P),
    [T_BODY] = B(T_HEAD) | B(T_LINK) | B(T_P) | B(T_STYLE) | B(T_TITLE),
    [T_BR] = B(T_HEAD),
    [T_CENTER] = B(T_B) | B(T_FONT) | B(T_HEAD) | B(T_I) | B(T_P),
    [T_CITE] = B(T_HEAD),
    [T_CODE] = B(T_HEAD),
    [T_DFN] = B(T_HEAD),
    [T_DIV] = B(T_HEAD) | B(T_P),
    [T_EM] = B(T_HEAD),
    [T_FIELDSET] = B(T_A) | B(T_H1) | B(T_H2) | B(T_H3) | B(T_H4) | B(T_H5) | B(T_H6) | B(T_HEAD) | B(T_LEGEND) | B(T_LISTING) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_FRAMESET] = B(T_HEAD) | B(T_LINK) | B(T_P) | B(T_STYLE) | B(T_TITLE),
    [T_IFRAME] = B(T_HEAD),
    [T_IMG] = B(T_HEAD),
    [T_KBD] = B(T_HEAD),
    [T_MAP] = B(T_HEAD),
    [T_NOSCRIPT] = B(T_SCRIPT),
    [T_OPTGROUP] = B(T_OPTION),
    [T_Q] = B(T_HEAD),
    [T_SAMP] = B(T_HEAD),
    [T_STRONG] = B(T_HEAD),
    [T_SUB] = B(T_HEAD),
    [T_SUP] = B(T_HEAD),
    [T_TABLE] = B(T_A) | B(T_H1) | B(T_H2) | B(T_H3) | B(T_H4) | B(T_H5) | B(T_H6) | B(T_HEAD) | B(T_LISTING) | B(T_P) | B(T_PRE) | B(T_XMP),
    [T_VAR] = B(T_HEAD),
};

static const entity entities[] = {
    {"AElig", 198}, {"Aacute", 193}, {"Acirc", 194}, {"Agrave", 192}, {"Alpha", 913},
    {"Aring", 197}, {"Atilde", 195}, {"Auml", 196}, {"Beta", 914}, {"Ccedil", 199},
    {"Chi", 935}, {"Dagger", 8225}, {"Delta", 916}, {"ETH", 208}, {"Eacute", 201},
    {"Ecirc", 202}, {"Egrave", 200}, {"Epsilon", 917}, {"Eta", 919}, {"Euml", 203},
    {"Gamma", 915}, {"Iacute", 205}, {"Icirc", 206}, {"Igrave", 204}, {"Iota", 921},
    {"Iuml", 207}, {"Kappa", 922}, {"Lambda", 923}, {"Mu", 924}, {"Ntilde", 209},
    {"Nu", 925}, {"OElig", 338}, {"Oacute", 211}, {"Ocirc", 212}, {"Ograve", 210},
    {"Omega", 937}, {"Omicron", 927}, {"Oslash", 216}, {"Otilde", 213}, {"Ouml", 214},
    {"Phi", 934}, {"Pi", 928}, {"Prime", 8243}, {"Psi", 936}, {"Rho", 929},
    {"Scaron", 352}, {"Sigma", 931}, {"THORN", 222}, {"Tau", 932}, {"Theta", 920},
    {"Uacute", 218}, {"Ucirc", 219}, {"Ugrave", 217}, {"Upsilon", 933}, {"Uuml", 220},
    {"Xi", 926}, {"Yacute", 221}, {"Yuml", 376}, {"Zeta", 918}, {"aacute", 225},
    {"acirc", 226}, {"acute", 180}, {"aelig", 230}, {"agrave", 224}, {"alefsym", 8501},
    {"alpha", 945}, {"amp", 38}, {"and", 8743}, {"ang", 8736}, {"apos", 39},
    {"aring", 229}, {"asymp", 8776}, {"atilde", 227}, {"auml", 228}, {"bdquo", 8222},
    {"beta", 946}, {"brvbar", 166}, {"bull", 8226}, {"cap", 8745}, {"ccedil", 231},
    {"cedil", 184}, {"cent", 162}, {"chi", 967}, {"circ", 710}, {"clubs", 9827},
    {"cong", 8773}, {"copy", 169}, {"crarr", 8629}, {"cup", 8746}, {"curren", 164},
    {"dArr", 8659}, {"dagger", 8224}, {"darr", 8595}, {"deg", 176}, {"delta", 948},
    {"diams", 9830}, {"divide", 247}, {"eacute", 233}, {"ecirc", 234}, {"egrave", 232},
    {"empty", 8709}, {"emsp", 8195}, {"ensp", 8194}, {"epsilon", 949}, {"equiv", 8801},
    {"eta", 951}, {"eth", 240}, {"euml", 235}, {"euro", 8364}, {"exist", 8707},
    {"fnof", 402}, {"forall", 8704}, {"frac12", 189}, {"frac14", 188}, {"frac34", 190},
    {"frasl", 8260}, {"gamma", 947}, {"ge", 8805}, {"gt", 62}, {"hArr", 8660},
    {"harr", 8596}, {"hearts", 9829}, {"hellip", 8230}, {"iacute", 237}, {"icirc", 238},
    {"iexcl", 161}, {"igrave", 236}, {"image", 8465}, {"infin", 8734}, {"int", 8747},
    {"iota", 953}, {"iquest", 191}, {"isin", 8712}, {"iuml", 239}, {"kappa", 954},
    {"lArr", 8656}, {"lambda", 955}, {"lang", 9001}, {"laquo", 171}, {"larr", 8592},
    {"lceil", 8968}, {"ldquo", 8220}, {"le", 8804}, {"lfloor", 8970}, {"lowast", 8727},
    {"loz", 9674}, {"lrm", 8206}, {"lsaquo", 8249}, {"lsquo", 8216}, {"lt", 60},
    {"macr", 175}, {"mdash", 8212}, {"micro", 181}, {"middot", 183}, {"minus", 8722},
    {"mu", 956}, {"nabla", 8711}, {"nbsp", 160}, {"ndash", 8211}, {"ne", 8800},
    {"ni", 8715}, {"not", 172}, {"notin", 8713}, {"nsub", 8836}, {"ntilde", 241},
    {"nu", 957}, {"oacute", 243}, {"ocirc", 244}, {"oelig", 339}, {"ograve", 242},
    {"oline", 8254}, {"omega", 969}, {"omicron", 959}, {"oplus", 8853}, {"or", 8744},
    {"ordf", 170}, {"ordm", 186}, {"oslash", 248}, {"otilde", 245}, {"otimes", 8855},
    {"ouml", 246}, {"para", 182}, {"part", 8706}, {"permil", 8240}, {"perp", 8869},
    {"phi", 966}, {"pi", 960}, {"piv", 982}, {"plusmn", 177}, {"pound", 163},
    {"prime", 8242}, {"prod", 8719}, {"prop", 8733}, {"psi", 968}, {"quot", 34},
    {"rArr", 8658}, {"radic", 8730}, {"rang", 9002}, {"raquo", 187}, {"rarr", 8594},
    {"rceil", 8969}, {"rdquo", 8221}, {"real", 8476}, {"reg", 174}, {"rfloor", 8971},
    {"rho", 961}, {"rlm", 8207}, {"rsaquo", 8250}, {"rsquo", 8217}, {"sbquo", 8218},
    {"scaron", 353}, {"sdot", 8901}, {"sect", 167}, {"shy", 173}, {"sigma", 963},
    {"sigmaf", 962}, {"sim", 8764}, {"spades", 9824}, {"sub", 8834}, {"sube", 8838},
    {"sum", 8721}, {"sup", 8835}, {"sup1", 185}, {"sup2", 178}, {"sup3", 179},
    {"supe", 8839}, {"szlig", 223}, {"tau", 964}, {"there4", 8756}, {"theta", 952},
    {"thetasym", 977}, {"thinsp", 8201}, {"thorn", 254}, {"tilde", 732}, {"times", 215},
    {"trade", 8482}, {"uArr", 8657}, {"uacute", 250}, {"uarr", 8593}, {"ucirc", 251},
    {"ugrave", 249}, {"uml", 168}, {"upsih", 978}, {"upsilon", 965}, {"uuml", 252},
    {"weierp", 8472}, {"xi", 958}, {"yacute", 253}, {"yen", 165}, {"yuml", 255},
    {"zeta", 950}, {"zwj", 8205}, {"zwnj", 8204},
};

/* libxml2's priority of an element without one (see tags[].prio). */
#define PRIO_DEFAULT 100
/* htmlParseHTMLName keeps at most this many bytes of a name. */
#define NAME_MAX_LEN 100
/* htmlParseCharData hands text over in pieces of this many bytes: a piece
 * made only of white space is kept whatever follows it. */
#define TEXT_CHUNK 1000

/* ---- byte classes ------------------------------------------------------ */

static bool is_alpha(unsigned c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool is_blank(unsigned c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool is_name_char(unsigned c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
           c == '.';
}

/* Bytes a text run cannot copy as they are: '<' and '&' end it, control
 * characters are dropped, NUL reads as a space, 0xEF may start U+FFFE or
 * U+FFFF (not characters, dropped). */
static const uint8_t text_special[256] = {
    [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1, [8] = 1,
    [11] = 1, [12] = 1, [14] = 1, [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1,
    [20] = 1, [21] = 1, [22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1,
    [28] = 1, [29] = 1, [30] = 1, [31] = 1, ['<'] = 1, ['&'] = 1, [0xEF] = 1,
};

/* Might one of the eight bytes of w be in text_special? Exact for "none":
 * a byte under 0x20 (white space too, so some words with none are
 * refused), '<', '&' or 0xEF sets its top bit in the result. */
#if !defined(__SSE2__)
static inline uint64_t maybe_special(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t lt = (w - ones * 0x20) & ~w;                 /* bytes under 0x20 */
    uint64_t x1 = w ^ (ones * '<'), x2 = w ^ (ones * '&'), x3 = w ^ (ones * 0xEF);
    uint64_t eq = ((x1 - ones) & ~x1) | ((x2 - ones) & ~x2) | ((x3 - ones) & ~x3);
    return (lt | eq) & high;
}
#endif

/* ---- lookups ----------------------------------------------------------- */

static int cmp_name(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

/* Tables made once (ex_dom_parse starts with pthread_once): each byte of
 * a name as it is kept (lower case), 0 for a byte no name holds; the
 * ex_tag of each tag; the tags by their names' first eight bytes. */
static uint8_t name_byte[256];
static uint8_t ex_tag_by_id[T_COUNT];
static uint64_t tag_key[sizeof tags / sizeof *tags];   /* first 8 bytes of each name */
/* The tags by the hash of their key, open addressing: index + 1, 0 empty. */
#define TAG_SLOTS 512
static uint8_t tag_slot[TAG_SLOTS];
static size_t tag_hash(uint64_t k) { return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 55); }
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* The first eight bytes of a name as one number (zeros past its end). */
static uint64_t name_key(const char *s, size_t n)
{
    uint64_t k = 0;
    for (size_t i = 0; i < n && i < 8; i++) k |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return k;
}

static void tables_init(void)
{
    size_t n = sizeof tags / sizeof *tags;
    for (unsigned c = 0; c < 256; c++)
        if (is_name_char(c)) name_byte[c] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (size_t i = 0; i < n; i++) {
        ex_tag_by_id[tags[i].id] = (uint8_t)ex_tag_of(tags[i].name, tags[i].len);
        tag_key[i] = name_key(tags[i].name, tags[i].len);
        size_t h = tag_hash(tag_key[i]);
        while (tag_slot[h]) h = (h + 1) & (TAG_SLOTS - 1);
        tag_slot[h] = (uint8_t)(i + 1);
    }
}

/* Asked of every tag: its first eight bytes hashed, then compared at once. */
static const tag_desc *find_tag(const char *s, size_t n)
{
    if (!n || s[0] < 'a' || s[0] > 'z') return NULL;
    uint64_t k = name_key(s, n);
    for (size_t h = tag_hash(k);; h = (h + 1) & (TAG_SLOTS - 1)) {
        size_t t = tag_slot[h];
        if (!t--) return NULL;
        if (tags[t].len == n && tag_key[t] == k && (n <= 8 || !memcmp(tags[t].name + 8, s + 8, n - 8)))
            return &tags[t];
    }
}

/* The code point of entity s[0..n), -1 when HTML 4 has none (case matters). */
static int32_t find_entity(const char *s, size_t n)
{
    size_t lo = 0, hi = sizeof entities / sizeof *entities;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_name(s, n, entities[mid].name, strlen(entities[mid].name));
        if (!c) return (int32_t)entities[mid].cp;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return -1;
}

static bool bool_attr(const char *s)
{
    static const char *const names[] = {"checked", "compact", "declare", "defer",
        "disabled", "ismap", "multiple", "nohref", "noresize", "noshade", "nowrap",
        "readonly", "selected"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(s, names[i])) return true;
    return false;
}

/* libxml2's IS_CHAR for a reference's value. */
static bool is_xml_char(uint32_t c)
{
    return c == 9 || c == 10 || c == 13 || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* ---- the parser -------------------------------------------------------- */

/* What an open element's last child (comments aside) is: areBlanks asks. */
enum { LAST_NONE, LAST_TEXT, LAST_OTHER };

typedef struct frame {
    ex_node    *node;
    const char *name;
    uint8_t     tag, flags, prio;
    uint8_t     last;       /* LAST_* */
    uint8_t     last_flags; /* tag flags of the last child element or PI target */
} frame;

typedef struct parser {
    const unsigned char *p, *e;
    arena   *a;
    frame   *st;            /* the open elements, st[n - 1] the innermost */
    size_t   n, cap;
    ex_node *root;
    bool     root_first;    /* the root is the document's first child */
    bool     doc_busy;      /* the document had a child before the root */
    bool     strict;        /* HTML 4.01 Strict doctype: blank text in body goes */
    bool     dtd;
    int      level;         /* 1; 3 once head was opened; 10 once body was */
    int      dropped;       /* misplaced html/head/body start tags pending */
    bool     lean;          /* EX_DOM_LEAN: script and style text left out */
    ex_node *text;          /* text node being filled, last child of the top */
    buf  tb;            /* its content */
    buf  vb;            /* an attribute value being decoded */
    ex_attr *attrs;
    size_t   n_attrs, cap_attrs;
} parser;

static int cur(const parser *P) { return P->p < P->e ? *P->p : 0; }
static int at(const parser *P, size_t k) { return P->p + k < P->e ? P->p[k] : 0; }
static void skip_blanks(parser *P) { while (P->p < P->e && is_blank(*P->p)) P->p++; }
static frame *top(parser *P) { return P->n ? &P->st[P->n - 1] : NULL; }

/* ---- building the tree ------------------------------------------------- */

static void flush_text(parser *P)
{
    if (!P->text) return;
    P->text->content = arena_strndup(P->a, P->tb.data ? P->tb.data : "", P->tb.len);
    P->text = NULL;
    P->tb.len = 0;
}

static void link_child(ex_node *parent, ex_node *c)
{
    c->parent = parent;
    if (parent->last) parent->last->next = c;
    else parent->children = c;
    parent->last = c;
}

/* A new element with nothing open: the root, or after the root closed, a
 * child of the root if the root is the document's first child (SAX2 links
 * it under doc->children), else lost at the document's level. */
static void attach_top_level(parser *P, ex_node *el)
{
    if (!P->root) {
        P->root = el;
        P->root_first = !P->doc_busy;
    } else if (P->root_first) {
        link_child(P->root, el);
    }
}

/* The name SAX2 gives an element: a prefix ("g:" of "g:plusone") is cut
 * off, unless nothing would be left (the open element keeps it whole). */
static const char *local_name(const char *name)
{
    const char *c = strchr(name, ':');
    return c && c > name && c[1] ? c + 1 : name;
}

static void push(parser *P, const char *name, const tag_desc *d, ex_attr *attrs, uint32_t na)
{
    flush_text(P);
    ex_node *el = arena_alloc(P->a, sizeof *el);
    el->type = EX_NODE_ELEMENT;
    el->name = d ? name : local_name(name);
    el->tag = d ? ex_tag_by_id[d->id] : (uint8_t)ex_tag_of(el->name, strlen(el->name));
    el->attrs = attrs;
    el->n_attrs = na;
    frame *t = top(P);
    if (t) {
        link_child(t->node, el);
        t->last = LAST_OTHER;
        /* areBlanks reads the child's name as SAX2 made it, prefix cut */
        const tag_desc *ld = d ? d : el->name != name ? find_tag(el->name, strlen(el->name)) : NULL;
        t->last_flags = ld ? ld->flags : 0;
    } else {
        attach_top_level(P, el);
    }
    if (P->n == P->cap) {
        P->cap = P->cap ? P->cap * 2 : 64;
        P->st = xrealloc(P->st, P->cap * sizeof *P->st);
    }
    P->st[P->n++] = (frame){.node = el, .name = name, .tag = d ? d->id : T_UNKNOWN,
                            .flags = d ? d->flags : 0, .prio = d ? d->prio : PRIO_DEFAULT};
    if (d && d->id == T_HEAD && P->level < 3) P->level = 3;
    if (d && d->id == T_BODY && P->level < 10) P->level = 10;
}

static void push_implied(parser *P, const char *name)
{
    push(P, name, find_tag(name, strlen(name)), NULL, 0);
}

static void pop(parser *P)
{
    flush_text(P);
    if (P->n) P->n--;
}

static void pop_all(parser *P)
{
    flush_text(P);
    P->n = 0;
}

/* Characters for the innermost open element, merged with the text it
 * ends with; dropped when nothing is open (SAX2 has no node for them). */
static buf *text_target(parser *P)
{
    frame *t = top(P);
    if (!t) return NULL;
    if (!P->text) {
        ex_node *x = arena_alloc(P->a, sizeof *x);
        x->type = EX_NODE_TEXT;
        link_child(t->node, x);
        t->last = LAST_TEXT;
        P->text = x;
        P->tb.len = 0;
    }
    return &P->tb;
}

static void add_text(parser *P, const void *s, size_t n)
{
    buf *b = text_target(P);
    if (b) buf_append(b, s, n);
}

/* Comments go where SAX2 puts them: in the innermost open element, else
 * on the document (where the tree of dom.h does not reach). */
static void add_comment(parser *P, const char *content)
{
    frame *t = top(P);
    if (!t) {
        if (!P->root) P->doc_busy = true;
        return;
    }
    flush_text(P);
    ex_node *c = arena_alloc(P->a, sizeof *c);
    c->type = EX_NODE_COMMENT;
    c->content = content;
    link_child(t->node, c);
}

/* A processing instruction leaves no node in our tree, but it is a child in
 * libxml2's: text on either side of it stays two nodes. */
static void add_pi(parser *P, const char *target, size_t n)
{
    frame *t = top(P);
    if (!t) {
        if (!P->root) P->doc_busy = true;
        return;
    }
    flush_text(P);
    const tag_desc *d = find_tag(target, n);
    t->last = LAST_OTHER;
    t->last_flags = d ? d->flags : 0;
}

/* ---- implied and auto-closed elements ---------------------------------- */

static bool same_element(const frame *f, const tag_desc *d, const char *name)
{
    return d ? f->tag == d->id : f->tag == T_UNKNOWN && !strcmp(f->name, name);
}

/* htmlAutoClose: a start tag of d closes the open elements it ends. */
static void auto_close(parser *P, const tag_desc *d)
{
    if (!d || !closes[d->id]) return;
    frame *t;
    while ((t = top(P)) && t->tag != T_UNKNOWN && t->tag <= 64 && (closes[d->id] & B(t->tag)))
        pop(P);
}

static bool open_among(const parser *P, int tag)
{
    for (size_t i = 0; i < P->n; i++)
        if (P->st[i].tag == tag) return true;
    return false;
}

/* htmlCheckImplied: html around everything, head around what belongs in
 * it when it comes first, body around the rest. */
static void check_implied(parser *P, const tag_desc *d)
{
    int id = d ? d->id : T_UNKNOWN;
    if (id == T_HTML) return;
    if (!P->n) push_implied(P, "html");
    if (id == T_BODY || id == T_HEAD) return;
    if (P->n <= 1 && (id == T_SCRIPT || id == T_STYLE || id == T_META || id == T_LINK ||
                      id == T_TITLE || id == T_BASE)) {
        if (P->level >= 3) return;
        push_implied(P, "head");
    } else if (id != T_NOFRAMES && id != T_FRAME && id != T_FRAMESET) {
        if (P->level >= 10) return;
        if (open_among(P, T_BODY) || open_among(P, T_HEAD)) return;
        push_implied(P, "body");
    }
}

/* htmlCheckParagraph: text straight in html or head (or in nothing) gets
 * a p of its own. */
static void check_paragraph(parser *P)
{
    frame *t = top(P);
    if (t && t->tag != T_HTML && t->tag != T_HEAD) return;
    const tag_desc *p = find_tag("p", 1);
    auto_close(P, p);
    check_implied(P, p);
    push(P, p->name, p, NULL, 0);
}

/* areBlanks: may white space ending at P->p be dropped? */
static bool blank_droppable(parser *P)
{
    if (P->p >= P->e || !*P->p) return true;
    if (*P->p != '<') return false;
    frame *t = top(P);
    if (!t || t->tag == T_HTML || t->tag == T_HEAD) return true;
    if (t->tag == T_BODY && P->strict) return true;
    if (t->last == LAST_TEXT) return false;
    if (t->last == LAST_NONE) return !(t->flags & F_PCDATA);
    return !(t->last_flags & F_PCDATA);
}

/* ---- text -------------------------------------------------------------- */

/* The first byte of s[j..n) in text_special, or n: sixteen bytes a step
 * with SSE2, else eight while none can be special. */
static size_t first_special(const unsigned char *s, size_t j, size_t n)
{
#if defined(__SSE2__)
    const __m128i c1f = _mm_set1_epi8(0x1F), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r'), lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'),
                  ef = _mm_set1_epi8((char)0xEF);
    for (; j + 16 <= n; j += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
        __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x);   /* under 0x20 */
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, nl)),
                                  _mm_cmpeq_epi8(x, cr));
        __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, lt), _mm_cmpeq_epi8(x, amp)),
                                     _mm_cmpeq_epi8(x, ef));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(ws, ctl), other));
        if (m) return j + (size_t)__builtin_ctz(m);
    }
#else
    uint64_t w;
    while (j + 8 <= n && (memcpy(&w, s + j, 8), !maybe_special(w))) j += 8;
#endif
    while (j < n && !text_special[s[j]]) j++;
    return j;
}

/* Copies s[0..n) (valid UTF-8 without '<' or '&') into b as libxml2 keeps
 * character data: control characters, U+FFFE and U+FFFF dropped, NUL read
 * as a space. The plain stretches between go by memcpy. */
static void copy_chars(buf *b, const unsigned char *s, size_t n)
{
    if (!n) return;
    buf_reserve(b, n);
    char *o = b->data + b->len;
    size_t i = 0;
    while (i < n) {
        size_t j = first_special(s, i, n);
        memcpy(o, s + i, j - i);
        o += j - i;
        if (j >= n) break;
        unsigned c = s[j];
        if (c == 0xEF && j + 2 < n && s[j + 1] == 0xBF && (s[j + 2] & 0xFE) == 0xBE) {
            i = j + 3;
            continue;
        }
        if (c == 0) *o++ = ' ';
        else if (c >= 0x20) *o++ = (char)c;   /* 0xEF of another character */
        i = j + 1;
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

static void add_chars(parser *P, const unsigned char *s, size_t n)
{
    buf *b = text_target(P);
    if (b) copy_chars(b, s, n);
}

/* A run of white space up to '<', '&' or the end: kept or dropped as
 * areBlanks decides, except that whole pieces of TEXT_CHUNK bytes are
 * always kept (and the rest then too, but at the end of the page). */
static void blank_run(parser *P, const unsigned char *s)
{
    size_t n = (size_t)(P->p - s);
    if (n >= TEXT_CHUNK) {
        check_paragraph(P);
        size_t whole = n - n % TEXT_CHUNK;
        if (P->p >= P->e || (*P->p == '<' && top(P)->tag == T_BODY && P->strict))
            n = whole;
        add_chars(P, s, n);
        return;
    }
    if (blank_droppable(P)) return;
    check_paragraph(P);
    add_chars(P, s, n);
}

static void text_run(parser *P)
{
    const unsigned char *s = P->p, *e = P->e, *q = s;
    while (q < e && *q <= 0x20) q++;   /* blanks and control bytes ('<' and '&' are not) */
    if (q == e || *q == '<' || *q == '&') {
        P->p = q;
        blank_run(P, s);
        return;
    }
    q = mem_find3(q, e, '<', '&', '<');
    P->p = q;
    check_paragraph(P);
    add_chars(P, s, (size_t)(q - s));
}

/* &#N; or &#xN; at P->p: its code point, 0 when not a character. The ';'
 * may be missing; the digits end at the first other byte. */
static uint32_t char_ref(parser *P)
{
    uint32_t v = 0;
    if ((at(P, 2) | 32) == 'x') {
        P->p += 3;
        for (int c; (c = cur(P)) != ';'; P->p++) {
            int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f'
                                                         ? (c | 32) - 'a' + 10 : -1;
            if (d < 0) break;
            if (v < 0x110000) v = v * 16 + (uint32_t)d;
        }
    } else {
        P->p += 2;
        for (int c; (c = cur(P)) != ';'; P->p++) {
            if (c < '0' || c > '9') break;
            if (v < 0x110000) v = v * 10 + (uint32_t)(c - '0');
        }
    }
    if (cur(P) == ';') P->p++;
    return is_xml_char(v) ? v : 0;
}

/* &name; at P->p: the entity's code point with P->p past it, or -1 with
 * P->p past the '&' only (the name then reads as text). */
static int32_t named_ref(parser *P)
{
    const unsigned char *s = P->p + 1, *q = s;
    P->p = s;
    if (q >= P->e || !(is_alpha(*q) || *q == '_' || *q == ':')) return -1;
    while (q < P->e && is_name_char(*q)) q++;
    if (q >= P->e || *q != ';') return -1;
    int32_t c = find_entity((const char *)s, (size_t)(q - s));
    if (c >= 0) P->p = q + 1;
    return c;
}

static void reference(parser *P)
{
    char u[4];
    if (at(P, 1) == '#') {
        uint32_t c = char_ref(P);
        if (!c) return;
        check_paragraph(P);
        add_text(P, u, (size_t)u8_encode((int32_t)c, u));
        return;
    }
    int32_t c = named_ref(P);
    check_paragraph(P);
    if (c < 0) add_text(P, "&", 1);
    else add_text(P, u, (size_t)u8_encode(c, u));
}

/* ---- tags -------------------------------------------------------------- */

/* A tag or attribute name at P->p, lower-cased into out; its length. */
static size_t read_name(parser *P, char out[NAME_MAX_LEN + 1])
{
    size_t n = 0;
    int c = cur(P);
    if (!(is_alpha((unsigned)c) || c == '_' || c == ':' || c == '.')) return 0;
    const unsigned char *p = P->p;
    size_t lim = (size_t)(P->e - p) < NAME_MAX_LEN ? (size_t)(P->e - p) : NAME_MAX_LEN;
    for (uint8_t b; n < lim && (b = name_byte[p[n]]);) out[n++] = (char)b;
    P->p = p + n;
    out[n] = '\0';
    return n;
}

/* An attribute value; NULL-free: a reference to no character ends the
 * value there (libxml2 writes a NUL into it), the rest is read and lost. */
static const char *attr_value(parser *P)
{
    int quote = cur(P);
    if (quote == '"' || quote == '\'') P->p++;
    else quote = 0;
    buf *b = &P->vb;
    b->len = 0;
    bool cut = false;
    for (;;) {
        const unsigned char *s = P->p;
        if (quote)
            P->p = mem_find3(P->p, P->e, 0, '&', (unsigned char)quote);
        else
            while (P->p < P->e && *P->p && *P->p != '&' && !is_blank(*P->p) && *P->p != '>') P->p++;
        if (cur(P) != '&' && !b->len && !cut) {   /* no reference: the bytes as they are */
            const char *v = arena_strndup(P->a, (const char *)s, (size_t)(P->p - s));
            if (quote && cur(P) == quote) P->p++;
            return v;
        }
        if (!cut) buf_append(b, (const char *)s, (size_t)(P->p - s));
        if (cur(P) != '&') break;
        char u[4];
        uint32_t c;
        if (at(P, 1) == '#') {
            c = char_ref(P);
            if (!c) cut = true;
        } else {
            int32_t v = named_ref(P);
            c = v < 0 ? '&' : (uint32_t)v;
        }
        if (!cut) buf_append(b, u, (size_t)u8_encode((int32_t)c, u));
    }
    if (quote && cur(P) == quote) P->p++;
    return arena_strndup(P->a, b->data ? b->data : "", b->len);
}

static void add_attr(parser *P, const char *name, size_t n, const char *value)
{
    for (size_t i = 0; i < P->n_attrs; i++)
        if (!strncmp(P->attrs[i].name, name, n) && !P->attrs[i].name[n]) return;
    if (P->n_attrs == P->cap_attrs) {
        P->cap_attrs = P->cap_attrs ? P->cap_attrs * 2 : 16;
        P->attrs = xrealloc(P->attrs, P->cap_attrs * sizeof *P->attrs);
    }
    char *nm = arena_strndup(P->a, name, n);
    if (!value && bool_attr(nm)) value = nm;
    P->attrs[P->n_attrs++] = (ex_attr){nm, value};
}

static bool tag_end(const parser *P)
{
    int c = cur(P);
    return !c || c == '>' || (c == '/' && at(P, 1) == '>');
}

/* The attributes of a start tag, up to its '>' or "/>" (not read). A
 * stretch that is no attribute is skipped up to the next blank. */
static void attributes(parser *P)
{
    char name[NAME_MAX_LEN + 1];
    P->n_attrs = 0;
    skip_blanks(P);
    while (!tag_end(P)) {
        size_t n = read_name(P, name);
        if (!n) {
            while (!tag_end(P) && !is_blank((unsigned)cur(P))) P->p++;
        } else {
            const char *value = NULL;
            skip_blanks(P);
            if (cur(P) == '=') {
                P->p++;
                skip_blanks(P);
                value = attr_value(P);
            }
            add_attr(P, name, n, value);
        }
        skip_blanks(P);
    }
}

/* Is a start tag of d misplaced (a second html, head out of place, body
 * inside body)? Each such tag also hides one end tag of its kind. */
static bool misplaced(parser *P, const tag_desc *d)
{
    int id = d ? d->id : T_UNKNOWN;
    bool drop = (id == T_HTML && P->n > 0) || (id == T_HEAD && P->n != 1);
    if (id == T_BODY)
        for (size_t i = 0; i < P->n; i++)
            if (P->st[i].tag == T_BODY) { drop = true; P->dropped++; }
    if (drop && id != T_BODY) P->dropped++;
    return drop;
}

/* The end of a start tag whose element (or, for a misplaced tag, the
 * innermost open one, as libxml2 does) is the top: "/>" closes it, '>'
 * closes it if it is void, anything else closes it, and at the end of the
 * input everything. */
static void start_tag_end(parser *P)
{
    frame *t = top(P);
    if (cur(P) == '/' && at(P, 1) == '>') {
        P->p += 2;
        if (t) pop(P);
    } else if (cur(P) == '>') {
        P->p++;
        if (t && (t->flags & F_VOID)) pop(P);
    } else if (t) {
        pop(P);
        if (!cur(P)) pop_all(P);
    }
}

static void start_tag(parser *P)
{
    char name[NAME_MAX_LEN + 1];
    P->p++;
    size_t n = read_name(P, name);
    const tag_desc *d = find_tag(name, n);
    auto_close(P, d);
    check_implied(P, d);
    bool drop = misplaced(P, d);
    attributes(P);
    if (!drop) {
        ex_attr *at = NULL;
        if (P->n_attrs) {
            at = arena_alloc(P->a, P->n_attrs * sizeof *at);
            memcpy(at, P->attrs, P->n_attrs * sizeof *at);
        }
        push(P, d ? d->name : arena_strndup(P->a, name, n), d, at, (uint32_t)P->n_attrs);
    }
    start_tag_end(P);
}

/* htmlAutoCloseOnClose and the pop: an end tag closes its element and all
 * open inside it, unless one of those has a higher priority. */
static void close_element(parser *P, const tag_desc *d, const char *name)
{
    int prio = d ? d->prio : PRIO_DEFAULT;
    size_t i = P->n;
    while (i > 0 && !same_element(&P->st[i - 1], d, name)) {
        if (P->st[i - 1].prio > prio) return;
        i--;
    }
    if (!i) return;
    while (P->n >= i) pop(P);
}

static void end_tag(parser *P)
{
    char name[NAME_MAX_LEN + 1];
    P->p += 2;
    size_t n = read_name(P, name);
    if (!n) return;   /* "</" alone is dropped, what follows is text */
    skip_blanks(P);
    while (P->p < P->e && *P->p && *P->p != '>') P->p++;
    if (P->p < P->e) P->p++;
    const tag_desc *d = find_tag(name, n);
    int id = d ? d->id : T_UNKNOWN;
    if (P->dropped > 0 && (id == T_HTML || id == T_BODY || id == T_HEAD)) {
        P->dropped--;
        return;
    }
    close_element(P, d, name);
}

/* ---- comments, processing instructions, doctype ------------------------ */

/* <!-- ... --> (or --!>): the comment's text, control characters dropped.
 * Never closed: all the rest of the page goes, and no comment is made. */
static void comment(parser *P)
{
    const unsigned char *s = P->p + 4, *q = s, *e = P->e;
    size_t close = 0;
    while ((q = memchr(q, '-', (size_t)(e - q))) != NULL) {
        if (q + 2 < e && q[1] == '-' && q[2] == '>') { close = 3; break; }
        if (q + 3 < e && q[1] == '-' && q[2] == '!' && q[3] == '>') { close = 4; break; }
        q++;
    }
    if (!q) { P->p = e; return; }
    buf b;
    buf_init(&b);
    copy_chars(&b, s, (size_t)(q - s));
    add_comment(P, arena_strndup(P->a, b.data ? b.data : "", b.len));
    buf_free(&b);
    P->p = q + close;
}

/* <?target ...>: ends at the first '>'; without a target only "<?" goes. */
static void processing_instruction(parser *P)
{
    P->p += 2;
    const unsigned char *s = P->p;
    int c = cur(P);
    if (!(is_alpha((unsigned)c) || c == '_' || c == ':' || c >= 0x80)) return;
    while (P->p < P->e && (is_name_char(*P->p) || *P->p >= 0x80)) P->p++;
    size_t n = (size_t)(P->p - s);
    const unsigned char *gt = memchr(P->p, '>', (size_t)(P->e - P->p));
    if (!gt) { P->p = P->e; return; }
    P->p = gt + 1;
    add_pi(P, (const char *)s, n);
}

static bool ci_match(const parser *P, size_t off, const char *lit)
{
    for (size_t i = 0; lit[i]; i++)
        if ((at(P, off + i) | 32) != lit[i]) return false;
    return true;
}

static bool is_pubid_char(unsigned c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || (c && strchr(" \r\n-'()+,./:=?;!*#@$_%", (int)c));
}

/* The PUBLIC literal at P->p: is it one of HTML 4.01 Strict's? */
static bool strict_pubid(parser *P)
{
    int q = cur(P);
    if (q != '"' && q != '\'') return false;
    const unsigned char *s = ++P->p;
    while (P->p < P->e && *P->p != q && is_pubid_char(*P->p) && !(q == '\'' && *P->p == '\''))
        P->p++;
    if (cur(P) != q) return false;
    size_t n = (size_t)(P->p - s);
    P->p++;
    static const char *const strict[] = {"-//w3c//dtd html 4.01//en", "-//w3c//dtd html 4//en"};
    for (int i = 0; i < 2; i++)
        if (n == strlen(strict[i]) && !strncasecmp((const char *)s, strict[i], n)) return true;
    return false;
}

/* <!DOCTYPE ...>: only the first makes the document's DTD, which comes
 * before the root among the document's children. */
static void doctype(parser *P)
{
    P->p += 9;
    skip_blanks(P);
    while (P->p < P->e && (is_name_char(*P->p) || *P->p >= 0x80)) P->p++;
    skip_blanks(P);
    bool strict = false;
    if (ci_match(P, 0, "public")) {
        P->p += 6;
        skip_blanks(P);
        strict = strict_pubid(P);
        skip_blanks(P);
        int q = cur(P);
        if (q == '"' || q == '\'') {
            const unsigned char *end = memchr(P->p + 1, q, (size_t)(P->e - P->p - 1));
            P->p = end ? end + 1 : P->e;
        }
    }
    while (P->p < P->e && *P->p && *P->p != '>') P->p++;
    if (P->p < P->e) P->p++;
    if (P->dtd) return;
    P->dtd = true;
    P->strict = strict;
    P->doc_busy = true;
    P->root_first = false;
}

static bool at_doctype(const parser *P)
{
    return at(P, 0) == '<' && at(P, 1) == '!' && ci_match(P, 2, "doctype");
}

static bool at_comment(const parser *P)
{
    return at(P, 0) == '<' && at(P, 1) == '!' && at(P, 2) == '-' && at(P, 3) == '-';
}

/* ---- script and style -------------------------------------------------- */

/* The raw content of script or style up to "</script" or "</style" (any
 * case, whatever follows), as one text node. */
/* A script of JSON (JSON-LD, a framework's page data): its text is read
 * even by a lean parse. */
static bool json_script(const frame *t)
{
    const char *type = t->tag == T_SCRIPT ? ex_attr_value(t->node, "type") : NULL;
    return type && strcasestr(type, "json");
}

static void raw_text(parser *P, const frame *t)
{
    size_t n = strlen(t->name);
    const unsigned char *s = P->p, *q = s, *e = P->e;
    while ((q = memchr(q, '<', (size_t)(e - q))) != NULL) {
        if (q + 1 < e && q[1] == '/' && (size_t)(e - q - 2) >= n &&
            !strncasecmp((const char *)q + 2, t->name, n))
            break;
        q++;
    }
    P->p = q ? q : e;
    if (P->p > s && !(P->lean && !json_script(t))) add_chars(P, s, (size_t)(P->p - s));
}

/* Inside script, "<noscript" at the start of content closes the script
 * (libxml2 looks for auto-closing before it reads script content). */
static void raw_content(parser *P, frame *t)
{
    if (t->tag == T_SCRIPT && at(P, 0) == '<' && ci_match(P, 1, "noscript") &&
        !is_name_char((unsigned)at(P, 9))) {
        pop(P);
        return;
    }
    raw_text(P, t);
}

/* ---- the document ------------------------------------------------------ */

static void content(parser *P)
{
    while (P->p < P->e) {
        int c = *P->p;
        if (!c) break;   /* libxml2 takes a NUL between tokens for the end */
        if (c == '<' && at(P, 1) == '/') { end_tag(P); continue; }
        frame *t = top(P);
        if (t && (t->flags & F_RAW)) { raw_content(P, t); continue; }
        if (c == '<') {
            int d = at(P, 1);
            if (is_alpha((unsigned)d)) start_tag(P);
            else if (at_doctype(P)) doctype(P);
            else if (at_comment(P)) comment(P);
            else if (d == '?') processing_instruction(P);
            else { add_text(P, "<", 1); P->p++; }
        } else if (c == '&') {
            reference(P);
        } else {
            text_run(P);
        }
    }
    pop_all(P);
}

/* Before the content: blanks, comments and PIs, one doctype. */
static void prolog(parser *P)
{
    skip_blanks(P);
    while (at_comment(P) || (at(P, 0) == '<' && at(P, 1) == '?')) {
        if (at_comment(P)) comment(P);
        else processing_instruction(P);
        skip_blanks(P);
    }
    if (at_doctype(P)) doctype(P);
    skip_blanks(P);
    while (at_comment(P) || (at(P, 0) == '<' && at(P, 1) == '?')) {
        if (at_comment(P)) comment(P);
        else processing_instruction(P);
        skip_blanks(P);
    }
}

ex_node *ex_dom_parse(const char *s, size_t n, arena *a, unsigned flags)
{
    if (!s || !n) return NULL;
    if (!(flags & EX_DOM_VALID) && !u8_valid(s, n)) s = u8_sanitize_in(a, s, n, &n);
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3;   /* libxml2 reads a BOM as such */
    if (!n) return NULL;
    parser P = {.p = (const unsigned char *)s, .e = (const unsigned char *)s + n,
                .a = a, .level = 1, .lean = flags & EX_DOM_LEAN};
    pthread_once(&tables_once, tables_init);
    prolog(&P);
    content(&P);
    free(P.st);
    buf_free(&P.tb);
    buf_free(&P.vb);
    free(P.attrs);
    return P.root;
}
