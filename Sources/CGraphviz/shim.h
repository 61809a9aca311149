#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

/*
 * C helpers for the FlowGraphviz Swift wrapper.
 *
 * Everything here is `static inline` and stateless, because a system library
 * target cannot have .c files. Graphviz is not thread-safe: call all of these
 * while holding the lock in GraphvizRenderer.
 */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <dlfcn.h>

/* ---------------------------------------------------------------------------
 * Swift 6: C globals such as Agdirected are imported as mutable global vars,
 * and reading them is rejected as "not concurrency-safe". Return them by value.
 */
static inline Agdesc_t cgv_directed(void) { return Agdirected; }
static inline Agdesc_t cgv_undirected(void) { return Agundirected; }
static inline Agdesc_t cgv_strictdirected(void) { return Agstrictdirected; }

/* ---------------------------------------------------------------------------
 * cgraph takes char* for strings it only reads (it copies them into its own
 * string pool); const-correct wrappers let Swift pass String directly.
 */
static inline Agraph_t *cgv_open(const char *name, Agdesc_t desc) {
    return agopen((char *)name, desc, NULL);
}
static inline Agnode_t *cgv_node(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}
static inline Agedge_t *cgv_edge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name) {
    return agedge(g, t, h, (char *)name, 1);
}
static inline int cgv_safeset(void *obj, const char *name, const char *value, const char *def) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)def);
}
static inline const char *cgv_get(void *obj, const char *name) {
    return agget(obj, (char *)name);
}
/* Interned strings of a root graph's string pool (reference counted; agnameof()
 * results must be such strings, because cgraph reads their header, e.g. to tell
 * HTML-like names apart when writing DOT). */
static inline char *cgv_strdup(Agraph_t *g, const char *s) { return agstrdup(g, (char *)s); }
static inline void cgv_strfree(Agraph_t *g, char *s) { (void)agstrfree(g, s); }

/* free() for memory that Graphviz hands over with malloc (aglasterr, plugin lists). */
static inline void cgv_free(void *p) { free(p); }

/* ---------------------------------------------------------------------------
 * Rendering.
 *
 * Into memory through a FILE from open_memstream, which grows its buffer
 * geometrically. gvRenderData grows its buffer a page at a time; once glibc
 * serves a buffer that size from the heap rather than by mmap (after the first
 * large render has freed one), realloc can copy the output again and again:
 * callgrind's cache simulation counts about 2 million first-level write misses
 * (125 MB) per render of a 5 MB SVG, against 0.3 million for writing it to a
 * FILE. Same bytes as gvRenderData, which drives the same renderer and device.
 * On success *result is malloc'd (free it with cgv_free).
 */
static inline int cgv_render_stream(GVC_t *gvc, graph_t *g, const char *format,
                                    char **result, size_t *length) {
    *result = NULL;
    *length = 0;
    FILE *stream = open_memstream(result, length);
    if (stream == NULL) return -1;
    int rc = gvRender(gvc, g, format, stream);
    /* fclose sets the final *result and *length. */
    if (fclose(stream) != 0) rc = -1;
    if (rc != 0) {
        free(*result);
        *result = NULL;
        *length = 0;
    }
    return rc;
}

/* ---------------------------------------------------------------------------
 * Plugins. gvPluginList takes an unused trailing `char *` in Graphviz 2.x and
 * no such argument in newer releases. Returns a malloc'd list of malloc'd
 * names (or NULL); release it with cgv_free_plugin_list.
 */
typedef char **(*cgv_plugin_list4_fn)(GVC_t *, const char *, int *, char *);
typedef char **(*cgv_plugin_list3_fn)(GVC_t *, const char *, int *);

static inline char **cgv_plugin_list(GVC_t *gvc, const char *kind, int *count) {
    *count = 0;
    if (_Generic(&gvPluginList, cgv_plugin_list4_fn: 1, default: 0)) {
        return ((cgv_plugin_list4_fn)&gvPluginList)(gvc, kind, count, NULL);
    } else {
        return ((cgv_plugin_list3_fn)&gvPluginList)(gvc, kind, count);
    }
}

static inline void cgv_free_plugin_list(char **list, int count) {
    if (list == NULL) return;
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
}

/* ---------------------------------------------------------------------------
 * Text measurement.
 *
 * Graphviz measures every text span of every label with its "textlayout"
 * plugin (pango), about a quarter of a large layout, and keeps a PangoLayout
 * per span that only the cairo renderers (png, pdf) draw from. A textlayout
 * plugin of our own, ahead of pango's, lets FlowGraphviz answer repeated
 * measurements from a cache (GraphvizTextMeasurements.swift) and ask pango
 * for the rest. Everything here degrades to plain Graphviz when a piece is
 * missing (another plugin soname, no exported selector).
 */
typedef boolean (*cgv_textlayout_fn)(textspan_t *span, char **fontpath);

/* The engine of pango's textlayout plugin, which gvContext() has already
 * loaded (it selects the text layout plugin up front); NULL if it is not
 * loaded. The plugin library is found by its soname without loading anything. */
static inline gvtextlayout_engine_t *cgv_pango_textlayout_engine(void) {
    void *handle = dlopen("libgvplugin_pango.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) return NULL;
    gvplugin_library_t *library = (gvplugin_library_t *)dlsym(handle, "gvplugin_pango_LTX_library");
    gvtextlayout_engine_t *engine = NULL;
    for (gvplugin_api_t *api = library ? library->apis : NULL; api && api->types && !engine; api++) {
        if (api->api != API_textlayout) continue;
        for (gvplugin_installed_t *type = api->types; type->type && !engine; type++) {
            if (strcmp(type->type, "textlayout") == 0) engine = (gvtextlayout_engine_t *)type->engine;
        }
    }
    /* Drops only the reference RTLD_NOLOAD took; Graphviz's own stays. */
    dlclose(handle);
    return engine;
}

/* Re-runs Graphviz's choice of text layout plugin (made once, in gvContext);
 * exported by libgvc 2.x but not declared in its installed headers. */
extern int gvtextlayout_select(GVC_t *gvc) __attribute__((weak));

/* Installs `measure` as the best "textlayout" plugin of `gvc` (quality 100,
 * pango's is 10), the one Graphviz then calls. Returns -1 when the selector is
 * missing. The plugin tables must outlive the context, hence static (one
 * context per process, see GraphvizRenderer). */
static inline int cgv_install_textlayout(GVC_t *gvc, cgv_textlayout_fn measure) {
    static gvtextlayout_engine_t engine;
    static gvplugin_installed_t types[2];
    static gvplugin_api_t apis[2];
    static gvplugin_library_t library;
    if (gvtextlayout_select == NULL) return -1;
    engine.textlayout = measure;
    types[0] = (gvplugin_installed_t){ 0, "textlayout", 100, &engine, NULL };
    apis[0] = (gvplugin_api_t){ API_textlayout, types };
    library = (gvplugin_library_t){ "flowgraphviz", apis };
    gvAddLibrary(gvc, &library);
    (void)gvtextlayout_select(gvc);
    return 0;
}

static inline boolean cgv_call_textlayout(gvtextlayout_engine_t *engine, textspan_t *span, char **fontpath) {
    return engine->textlayout(span, fontpath);
}

/* The HTML style bits of a span's font (a C bit-field). */
static inline unsigned int cgv_span_font_flags(const textspan_t *span) { return span->font->flags; }

/* ---------------------------------------------------------------------------
 * Error capture.
 *
 * agseterr(AGMAX) stops cgraph from printing anything to stderr: every message
 * goes to a private log, and aglasterr() returns the most recent one (with its
 * continuation lines) as malloc'd memory.
 *
 * The agseterrf() callback route is deliberately NOT used: in Graphviz 2.42 its
 * formatter (userout) reuses a consumed va_list and ignores realloc's result
 * for messages of 1024 bytes or more, which crashes (SEGV under ASan) on, for
 * example, a long port name or a long token near a syntax error.
 */
static inline void cgv_silence_messages(void) { (void)agseterr(AGMAX); }

/* Starts a new, empty entry in the log, so that a later cgv_last_message()
 * returns "" instead of a stale message when the step in between logged nothing. */
static inline void cgv_mark_messages(void) { (void)agerr(AGWARN, "%s", ""); }

/* The latest log entry since cgv_mark_messages(); malloc'd (free with cgv_free)
 * or NULL when the log could not be created. */
static inline char *cgv_last_message(void) { return aglasterr(); }

/* ---------------------------------------------------------------------------
 * Reading DOT from memory with a caller's discipline.
 *
 * agmemread() always uses the default ID discipline, which makes a named
 * object's ID the address of its interned name; Graphviz 2.4x keeps sibling
 * subgraphs ordered by ID, so their order (and with it the layout) then
 * depends on the heap. cgv_read_dot() is agmemread() with the ID discipline
 * supplied by the caller (see GraphvizIDs.swift); the memory reader hands the
 * scanner one line per call, as agmemread's does.
 */
typedef struct {
    const char *data;
    size_t length;
    size_t position;
} cgv_reader;

static inline int cgv_reader_read(void *chan, char *buf, int bufsize) {
    cgv_reader *reader = (cgv_reader *)chan;
    if (bufsize <= 0 || reader->position >= reader->length) return 0;
    size_t available = reader->length - reader->position;
    size_t count = available < (size_t)bufsize ? available : (size_t)bufsize;
    const char *start = reader->data + reader->position;
    const char *newline = memchr(start, '\n', count);
    if (newline) count = (size_t)(newline - start) + 1;
    memcpy(buf, start, count);
    reader->position += count;
    return (int)count;
}

/* The process-lifetime discipline cgv_read_dot() parses with: cgraph's own
 * memory allocator, the caller's ID allocator, the memory reader above. A
 * graph copies the Agdisc_t but keeps the pointers, so all three live forever. */
static inline Agdisc_t *cgv_discipline(Agiddisc_t *ids) {
    static Agiodisc_t io;
    static Agdisc_t discipline;
    io.afread = cgv_reader_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    discipline.mem = &AgMemDisc;
    discipline.id = ids;
    discipline.io = &io;
    return &discipline;
}

static inline Agraph_t *cgv_read_dot(const char *data, size_t length, Agdisc_t *discipline) {
    cgv_reader reader = { data, length, 0 };
    Agraph_t *graph = agread(&reader, discipline);
    /* As agmemread does: forget the file name a `#line` directive may have set,
     * and restart line numbers for the next read. */
    agsetfile(NULL);
    return graph;
}

/* ---------------------------------------------------------------------------
 * DOT scanner reset.
 *
 * Up to the 2.4x releases (which do not define GRAPHVIZ_VERSION_MAJOR) the DOT
 * lexer is a global, non-reentrant flex scanner, and its state outlives
 * agmemread(): text after the first graph is parsed by the NEXT agmemread call
 * (which then returns the wrong graph), and an unterminated string or comment
 * makes the next, valid input fail. Destroying the scanner before each read
 * restores a clean state; the next read re-creates it. aaglex_destroy is an
 * exported cgraph symbol without a public prototype, so it is declared weak and
 * only called when present. Newer releases use a scanner per call and need
 * nothing here.
 */
#if !defined(GRAPHVIZ_VERSION_MAJOR)
extern int aaglex_destroy(void) __attribute__((weak));
static inline void cgv_reset_dot_scanner(void) {
    if (aaglex_destroy) (void)aaglex_destroy();
}
#else
static inline void cgv_reset_dot_scanner(void) {}
#endif

#endif /* CGRAPHVIZ_SHIM_H */
