/* hsds_import.c - reading an HSDS tabular package or HSDS JSON into the social map (see hsds_io.h). */
#include "../access/policy.h"
#include "../core/buf.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "hsds_io.h"
#include "socialmap.h"
#include "socialmap_db.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_RES 32
#define MAX_FILE_BYTES (1024L * 1024 * 1024)
#define SM_PROGRESS_EVERY 1000 /* rows between two progress reports */
#define SM_ANALYZE_ROWS 5000   /* an import this large refreshes the planner's statistics */

/* ---------------------------------------------------------------- id sets */

/* An open-addressing set of strings (the strings live in the arena). */
typedef struct idset {
    const char **slot;
    size_t cap, n;
} idset;

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static bool idset_has(const idset *s, const char *k)
{
    if (!s->cap)
        return false;
    for (size_t i = hash_str(k) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->slot[i])
            return false;
        if (strcmp(s->slot[i], k) == 0)
            return true;
    }
}

/* Adds k; false when it was there already. */
static bool idset_add(idset *s, const char *k)
{
    if ((s->n + 1) * 2 > s->cap) {
        idset bigger = {xcalloc(s->cap ? s->cap * 2 : 64, sizeof(char *)), s->cap ? s->cap * 2 : 64, 0};
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i])
                idset_add(&bigger, s->slot[i]);
        free(s->slot);
        *s = bigger;
    }
    for (size_t i = hash_str(k) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->slot[i]) {
            s->slot[i] = k;
            s->n++;
            return true;
        }
        if (strcmp(s->slot[i], k) == 0)
            return false;
    }
}

static void idset_free(idset *s)
{
    free(s->slot);
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- batch */

typedef struct item {
    hsds_row row;
    const char *file;
    long line;
    const char *path; /* JSON: where in the object ("service_at_locations[0].location"), else NULL */
    bool from_csv;
    bool bad;
} item;

typedef struct batch {
    wt_ctx *ctx;
    arena *a;
    const hsds_import_opts *o;
    hsds_import_result *res;
    item *items[MAX_RES];
    int n[MAX_RES], cap[MAX_RES];
    idset ids[MAX_RES];   /* ids of the good rows in the batch */
    idset known[MAX_RES]; /* ids found in the database */
    errors *field_errors; /* the API: problems as field errors */
    bool new_ids;         /* the API: objects without an id get a new one */
} batch;

static void problem(batch *b, const char *file, long line, const char *field, const char *message)
{
    if (b->field_errors) {
        errors_add(b->field_errors, field ? field : "id", message);
        return;
    }
    hsds_problem *p = arena_alloc(b->a, sizeof *p);
    *p = (hsds_problem){file, line, field, message, NULL};
    if (b->res->problems_tail)
        b->res->problems_tail->next = p;
    else
        b->res->problems = p;
    b->res->problems_tail = p;
    b->res->n_problems++;
}

static item *batch_add(batch *b, const hsds_resource *r, const char *file, long line, const char *path, bool csv)
{
    int k = hsds_resource_index(r);
    if (b->n[k] == b->cap[k]) {
        b->cap[k] = b->cap[k] ? b->cap[k] * 2 : 64;
        b->items[k] = xrealloc(b->items[k], sizeof(item) * (size_t)b->cap[k]);
    }
    item *it = &b->items[k][b->n[k]++];
    *it = (item){hsds_row_new(b->a, r), file, line, path, csv, false};
    b->res->rows_read++;
    if (b->o && b->o->progress && b->res->rows_read % SM_PROGRESS_EVERY == 0)
        b->o->progress(b->o->progress_u, _("gelezen"), b->res->rows_read);
    return it;
}

static void batch_free(batch *b)
{
    for (int k = 0; k < MAX_RES; k++) {
        free(b->items[k]);
        idset_free(&b->ids[k]);
        idset_free(&b->known[k]);
    }
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---------------------------------------------------------------- CSV */

typedef struct csv {
    const char *p, *end;
    long line;
} csv;

/* Reads one record into cells; false at the end. *bad gets a message for a malformed record. */
static bool csv_record(arena *a, csv *c, char ***cells, int *n, const char **bad)
{
    *bad = NULL;
    *n = 0;
    if (c->p >= c->end)
        return false;
    int cap = 32;
    *cells = arena_alloc(a, sizeof(char *) * (size_t)cap);
    buf cell = BUF_INIT;
    for (;;) {
        bool quoted = false;
        buf_reset(&cell);
        if (c->p < c->end && *c->p == '"') {
            quoted = true;
            c->p++;
            for (;;) {
                if (c->p >= c->end) {
                    *bad = _("Een aanhalingsteken wordt niet gesloten.");
                    break;
                }
                if (*c->p == '"') {
                    if (c->p + 1 < c->end && c->p[1] == '"') {
                        buf_putc(&cell, '"');
                        c->p += 2;
                        continue;
                    }
                    c->p++;
                    break;
                }
                if (*c->p == '\n')
                    c->line++;
                buf_putc(&cell, *c->p++);
            }
        }
        while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
            if (quoted || *c->p == '"')
                *bad = _("Tekst na een afgesloten aanhalingsteken, of een los aanhalingsteken.");
            buf_putc(&cell, *c->p++);
        }
        if (*n == cap) {
            char **bigger = arena_alloc(a, sizeof(char *) * (size_t)cap * 2);
            memcpy(bigger, *cells, sizeof(char *) * (size_t)cap);
            *cells = bigger;
            cap *= 2;
        }
        (*cells)[(*n)++] = arena_strndup(a, cell.data ? cell.data : "", cell.len);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            continue;
        }
        if (c->p < c->end && *c->p == '\r')
            c->p++;
        if (c->p < c->end && *c->p == '\n')
            c->p++;
        c->line++;
        break;
    }
    buf_free(&cell);
    return true;
}

static void read_csv(batch *b, const hsds_resource *r, const char *path)
{
    const char *file = arena_strdup(b->a, base_name(path));
    const char *err = NULL;
    size_t len = 0;
    char *data = NULL;
    {
        FILE *f = fopen(path, "rb");
        if (!f) {
            problem(b, file, 0, NULL, arena_printf(b->a, _("Kan het bestand niet openen: %s."), strerror(errno)));
            return;
        }
        buf bb = BUF_INIT;
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && (long)bb.len <= MAX_FILE_BYTES)
            buf_append(&bb, chunk, got);
        bool failed = ferror(f) != 0;
        fclose(f);
        if (failed || (long)bb.len > MAX_FILE_BYTES)
            err = failed ? _("Het bestand kon niet gelezen worden.") : _("Het bestand is groter dan 1 GB.");
        len = bb.len;
        data = buf_detach(&bb, &len);
    }
    if (err) {
        problem(b, file, 0, NULL, err);
        free(data);
        return;
    }
    csv c = {data ? data : "", (data ? data : "") + len, 1};
    if (len >= 3 && memcmp(c.p, "\xEF\xBB\xBF", 3) == 0)
        c.p += 3;
    char **cells;
    int n;
    const char *bad;
    if (!csv_record(b->a, &c, &cells, &n, &bad) || bad) {
        problem(b, file, 1, NULL, bad ? bad : _("Het bestand heeft geen kopregel."));
        free(data);
        return;
    }
    int *map = arena_alloc(b->a, sizeof(int) * (size_t)n);
    bool has_id = false;
    for (int i = 0; i < n; i++) {
        map[i] = hsds_field_index(r, text_trim(b->a, cells[i]));
        has_id = has_id || (map[i] >= 0 && strcmp(r->fields[map[i]].name, "id") == 0);
    }
    if (!has_id) {
        problem(b, file, 1, "id", _("De kopregel heeft geen kolom id."));
        free(data);
        return;
    }
    int ncols = n;
    for (;;) {
        long line = c.line;
        if (!csv_record(b->a, &c, &cells, &n, &bad))
            break;
        if (n == 1 && cells[0][0] == '\0')
            continue; /* an empty line */
        item *it = batch_add(b, r, file, line, NULL, true);
        if (bad || n != ncols) {
            problem(b, file, line, NULL,
                    bad ? bad : arena_printf(b->a, _("De regel heeft %d velden; de kopregel %d."), n, ncols));
            it->bad = true;
            continue;
        }
        for (int i = 0; i < n; i++)
            if (map[i] >= 0) {
                char *v = text_trim(b->a, cells[i]);
                it->row.v[map[i]] = *v ? v : NULL;
            }
    }
    free(data);
}

/* ---------------------------------------------------------------- JSON */

static const char *json_scalar(arena *a, json_t *v, bool *bad)
{
    *bad = false;
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return *json_string_value(v) ? text_trim(a, json_string_value(v)) : NULL;
    if (json_is_integer(v))
        return arena_printf(a, "%lld", (long long)json_integer_value(v));
    if (json_is_real(v))
        return hsds_number_format(a, json_real_value(v));
    if (json_is_boolean(v))
        return json_is_true(v) ? "true" : "false";
    *bad = true;
    return NULL;
}

static bool only_id(json_t *obj)
{
    return json_object_size(obj) == 1 && json_object_get(obj, "id");
}

static void flatten(batch *b, const hsds_resource *r, json_t *obj, const char *file, long row, const char *path,
                    int depth);

static const char *join_path(arena *a, const char *path, const char *prop, int idx)
{
    const char *p = path && *path ? arena_printf(a, "%s.%s", path, prop) : prop;
    return idx >= 0 ? arena_printf(a, "%s[%d]", p, idx) : p;
}

/* The children of one nest of an object; the parent is item pidx of resource pk (items may move while
 * children are added, so it is looked up again each time). */
static void flatten_nest(batch *b, const hsds_nest *ns, int pk, int pidx, json_t *v, const char *file, long row,
                         const char *path, int depth)
{
    const hsds_resource *child = hsds_resource_by_name(ns->child);
    int ck = hsds_resource_index(child);
    const char *pid = hsds_get(&b->items[pk][pidx].row, "id");
    const char *pres = b->items[pk][pidx].row.res->name;
    if (ns->single) {
        if (!json_is_object(v)) {
            problem(b, file, row, join_path(b->a, path, ns->prop, -1), _("Verwacht een object."));
            return;
        }
        const char *cid = NULL;
        if (only_id(v)) {
            bool bad;
            cid = json_scalar(b->a, json_object_get(v, "id"), &bad);
        } else {
            int before = b->n[ck];
            flatten(b, child, v, file, row, join_path(b->a, path, ns->prop, -1), depth + 1);
            if (b->n[ck] > before)
                cid = hsds_get(&b->items[ck][before].row, "id");
        }
        hsds_row *pr = &b->items[pk][pidx].row;
        if (cid && !hsds_get(pr, ns->fk))
            hsds_set_raw(pr, ns->fk, cid);
        return;
    }
    if (!json_is_array(v)) {
        problem(b, file, row, join_path(b->a, path, ns->prop, -1), _("Verwacht een lijst."));
        return;
    }
    size_t i;
    json_t *el;
    json_array_foreach(v, i, el) {
        const char *cpath = join_path(b->a, path, ns->prop, (int)i);
        if (!json_is_object(el)) {
            problem(b, file, row, cpath, _("Verwacht een object."));
            continue;
        }
        int before = b->n[ck];
        flatten(b, child, el, file, row, cpath, depth + 1);
        if (b->n[ck] <= before)
            continue;
        /* The first row added for this element is the child itself (flatten adds it before its own children). */
        hsds_row *cr = &b->items[ck][before].row;
        if (!hsds_get(cr, ns->fk))
            hsds_set_raw(cr, ns->fk, pid);
        if (strcmp(ns->child, "attribute") == 0 && !hsds_get(cr, "link_entity"))
            hsds_set_raw(cr, "link_entity", pres);
        if (strcmp(ns->child, "metadata") == 0 && !hsds_get(cr, "resource_type"))
            hsds_set_raw(cr, "resource_type", pres);
    }
}

static bool is_nest_prop(const hsds_resource *r, const char *prop)
{
    for (int i = 0; i < hsds_nnests; i++)
        if (strcmp(hsds_nests[i].parent, r->name) == 0 && strcmp(hsds_nests[i].prop, prop) == 0)
            return true;
    return false;
}

static void flatten(batch *b, const hsds_resource *r, json_t *obj, const char *file, long row, const char *path,
                    int depth)
{
    if (depth > 8) {
        problem(b, file, row, path, _("De objecten zijn te diep genest."));
        return;
    }
    int k = hsds_resource_index(r);
    item *it = batch_add(b, r, file, row, path, false);
    int idx = b->n[k] - 1;
    for (int f = 0; f < r->nfields; f++) {
        bool bad;
        const char *v = json_scalar(b->a, json_object_get(obj, r->fields[f].name), &bad);
        if (bad && !is_nest_prop(r, r->fields[f].name)) {
            problem(b, file, row, join_path(b->a, path, r->fields[f].name, -1), _("Verwacht tekst of een getal."));
            it->bad = true;
        }
        it->row.v[f] = v;
    }
    if (b->new_ids && !hsds_get(&it->row, "id")) /* the API: a new object needs no id of its own */
        hsds_set_raw(&it->row, "id", sm_uuid_new(b->a));
    for (int i = 0; i < hsds_nnests; i++) {
        const hsds_nest *ns = &hsds_nests[i];
        json_t *v = json_object_get(obj, ns->prop);
        if (strcmp(ns->parent, r->name) != 0 || !v || json_is_null(v))
            continue;
        /* items[k] may move when children of the same resource are added: find the parent again by index. */
        flatten_nest(b, ns, k, idx, v, file, row, path, depth);
    }
}

static const char *guess_kind(const char *file, json_t *obj)
{
    if (strstr(file, "organization") || strstr(file, "organisation"))
        return "organization";
    if (strstr(file, "service"))
        return "service";
    return json_object_get(obj, "status") ? "service" : "organization";
}

static void read_json(batch *b, const char *path)
{
    const char *file = arena_strdup(b->a, base_name(path));
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        problem(b, file, jerr.line, NULL, arena_printf(b->a, _("Ongeldige JSON: %s."), jerr.text));
        return;
    }
    json_t *list = root;
    if (json_is_object(root) && json_is_array(json_object_get(root, "contents")))
        list = json_object_get(root, "contents");
    if (json_is_object(list)) {
        flatten(b, hsds_resource_by_name(guess_kind(file, list)), list, file, 1, "", 0);
    } else if (json_is_array(list)) {
        size_t i;
        json_t *el;
        json_array_foreach(list, i, el) {
            if (!json_is_object(el)) {
                problem(b, file, (long)i + 1, NULL, _("Verwacht een object."));
                continue;
            }
            flatten(b, hsds_resource_by_name(guess_kind(file, el)), el, file, (long)i + 1, "", 0);
        }
    } else {
        problem(b, file, 1, NULL, _("Verwacht een lijst van objecten."));
    }
    json_decref(root);
}

/* ---------------------------------------------------------------- sources */

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A datapackage.json: the CSV of each known resource, by the path the package gives. */
static void read_package(batch *b, const char *pkg_path)
{
    const char *file = arena_strdup(b->a, base_name(pkg_path));
    char *dir = arena_strdup(b->a, pkg_path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir = ".";
    json_error_t jerr;
    json_t *pkg = json_load_file(pkg_path, 0, &jerr);
    json_t *resources = pkg ? json_object_get(pkg, "resources") : NULL;
    if (!json_is_array(resources)) {
        problem(b, file, pkg ? 1 : jerr.line, "resources",
                pkg ? _("Het datapakket heeft geen lijst resources.") : arena_printf(b->a, _("Ongeldige JSON: %s."), jerr.text));
        json_decref(pkg);
        return;
    }
    for (int k = 0; k < hsds_nresources; k++) {
        const hsds_resource *r = &hsds_resources[k];
        const char *rel = r->file;
        size_t i;
        json_t *res;
        json_array_foreach(resources, i, res) {
            const char *name = json_string_value(json_object_get(res, "name"));
            const char *p = json_string_value(json_object_get(res, "path"));
            if (name && p && strcmp(name, r->name) == 0)
                rel = p;
        }
        if (strstr(rel, "..") || rel[0] == '/') {
            problem(b, file, 1, r->name, _("Het pad van een bestand moet binnen de map van het datapakket liggen."));
            continue;
        }
        const char *full = arena_printf(b->a, "%s/%s", dir, rel);
        struct stat sb;
        if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
            read_csv(b, r, full);
    }
    json_decref(pkg);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A directory without datapackage.json: its JSON files (organizations before services), or CSVs by name. */
static void read_dir(batch *b, const char *dir)
{
    const char *pkg = arena_printf(b->a, "%s/datapackage.json", dir);
    struct stat sb;
    if (stat(pkg, &sb) == 0) {
        read_package(b, pkg);
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        problem(b, base_name(dir), 0, NULL, arena_printf(b->a, _("Kan de map niet openen: %s."), strerror(errno)));
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!has_suffix(de->d_name, ".json") && !has_suffix(de->d_name, ".csv"))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = xrealloc(names, sizeof(char *) * (size_t)cap);
        }
        names[n++] = arena_strdup(b->a, de->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, (size_t)n, sizeof(char *), cmp_str);
    for (int k = 0; k < hsds_nresources; k++) /* CSVs in dependency order */
        for (int i = 0; i < n; i++)
            if (strcmp(names[i], hsds_resources[k].file) == 0)
                read_csv(b, &hsds_resources[k], arena_printf(b->a, "%s/%s", dir, names[i]));
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            if (!has_suffix(names[i], ".json"))
                continue;
            bool org = strstr(names[i], "organi") != NULL;
            if ((pass == 0) == org)
                read_json(b, arena_printf(b->a, "%s/%s", dir, names[i]));
        }
    free(names);
}

static void read_path(batch *b, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        problem(b, base_name(path), 0, NULL, arena_printf(b->a, _("Kan het bestand niet openen: %s."), strerror(errno)));
        return;
    }
    if (S_ISDIR(sb.st_mode)) {
        read_dir(b, path);
        return;
    }
    const char *name = base_name(path);
    if (strcmp(name, "datapackage.json") == 0) {
        read_package(b, path);
    } else if (has_suffix(name, ".json")) {
        read_json(b, path);
    } else if (hsds_resource_by_file(name)) {
        read_csv(b, hsds_resource_by_file(name), path);
    } else {
        problem(b, name, 0, NULL,
                _("Onbekend bestand: geef een map, datapackage.json, een HSDS-JSON-bestand of een CSV met de naam van een HSDS-tabel (zoals services.csv)."));
    }
}

/* ---------------------------------------------------------------- checks */

static const char *field_path(batch *b, const item *it, const char *field)
{
    return it->path && *it->path ? arena_printf(b->a, "%s.%s", it->path, field) : field;
}

static void validate_all(batch *b)
{
    errors e;
    for (int k = 0; k < hsds_nresources; k++)
        for (int i = 0; i < b->n[k]; i++) {
            item *it = &b->items[k][i];
            if (it->bad)
                continue;
            errors_init(&e, b->a);
            hsds_validate_row(b->a, &it->row, it->path, &e);
            for (const field_error *fe = e.head; fe; fe = fe->next)
                problem(b, it->file, it->line, fe->field, fe->message);
            if (e.count)
                it->bad = true;
        }
}

/* Duplicate ids within one CSV file: the package says id is unique. */
static void check_duplicates(batch *b)
{
    for (int k = 0; k < hsds_nresources; k++) {
        idset seen = {0};
        for (int i = 0; i < b->n[k]; i++) {
            item *it = &b->items[k][i];
            const char *id = hsds_get(&it->row, "id");
            if (!it->from_csv || it->bad || !id)
                continue;
            if (!idset_add(&seen, id)) {
                problem(b, it->file, it->line, "id", arena_printf(b->a, _("De id %s komt meer dan eens voor."), id));
                it->bad = true;
            }
        }
        idset_free(&seen);
    }
}

static void build_ids(batch *b)
{
    for (int k = 0; k < hsds_nresources; k++) {
        idset_free(&b->ids[k]);
        for (int i = 0; i < b->n[k]; i++)
            if (!b->items[k][i].bad && hsds_get(&b->items[k][i].row, "id"))
                idset_add(&b->ids[k], hsds_get(&b->items[k][i].row, "id"));
    }
}

static bool ref_exists(batch *b, const hsds_resource *target, const char *id)
{
    int k = hsds_resource_index(target);
    if (idset_has(&b->ids[k], id) || idset_has(&b->known[k], id))
        return true;
    bool exists = false;
    if (smdb_exists(b->ctx->db, b->a, target, id, &exists) == WT_OK && exists) {
        idset_add(&b->known[k], arena_strdup(b->a, id));
        return true;
    }
    return false;
}

/* Checks the references of the good rows; returns how many rows became bad. */
static int check_refs(batch *b)
{
    int newly_bad = 0;
    for (int k = 0; k < hsds_nresources; k++)
        for (int i = 0; i < b->n[k]; i++) {
            item *it = &b->items[k][i];
            if (it->bad)
                continue;
            const hsds_resource *r = it->row.res;
            for (int f = 0; f < r->nfields; f++) {
                const char *v = it->row.v[f];
                const hsds_resource *target = hsds_resource_by_name(r->fields[f].ref);
                if (strcmp(r->name, "attribute") == 0 && strcmp(r->fields[f].name, "link_id") == 0)
                    target = hsds_resource_by_name(hsds_get(&it->row, "link_entity"));
                if (!v || !target || ref_exists(b, target, v))
                    continue;
                problem(b, it->file, it->line, field_path(b, it, r->fields[f].name),
                        arena_printf(b->a, _("Verwijst naar een onbekende %s (%s)."), target->name, v));
                it->bad = true;
                newly_bad++;
                break;
            }
        }
    return newly_bad;
}

/* ---------------------------------------------------------------- writing */

static void touch_service(idset *services, const char *id)
{
    if (id)
        idset_add(services, id);
}

/* The services already offered at a location (their search points follow its coordinates). */
static wt_status touch_location_services(batch *b, idset *services, const char *location_id)
{
    const char **ids;
    int n = 0;
    wt_status st = smdb_location_service_ids(b->ctx->db, b->a, location_id, &ids, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        touch_service(services, ids[i]);
    return st;
}

static wt_status write_all(batch *b, idset *services)
{
    wt_status st = WT_OK;
    long written = 0;
    for (int k = 0; st == WT_OK && k < hsds_nresources; k++) {
        const hsds_resource *r = &hsds_resources[k];
        for (int i = 0; st == WT_OK && i < b->n[k]; i++) {
            item *it = &b->items[k][i];
            if (it->bad) {
                b->res->rows_skipped++;
                continue;
            }
            st = smdb_upsert(b->ctx->db, &it->row);
            written++;
            if (b->o && b->o->progress && written % SM_PROGRESS_EVERY == 0)
                b->o->progress(b->o->progress_u, _("geschreven"), written);
            if (strcmp(r->name, "service") == 0)
                touch_service(services, hsds_get(&it->row, "id"));
            else if (strcmp(r->name, "cost_option") == 0 || strcmp(r->name, "language") == 0 ||
                     strcmp(r->name, "service_at_location") == 0)
                touch_service(services, hsds_get(&it->row, "service_id"));
            else if (strcmp(r->name, "location") == 0)
                st = touch_location_services(b, services, hsds_get(&it->row, "id"));
            else if (strcmp(r->name, "attribute") == 0 && hsds_get(&it->row, "link_entity") &&
                     strcmp(hsds_get(&it->row, "link_entity"), "service") == 0)
                touch_service(services, hsds_get(&it->row, "link_id"));
            else if (strcmp(r->name, "organization") == 0) {
                const char *id = hsds_get(&it->row, "id");
                st = smdb_set_wijkteam(b->ctx->db, "sm_organization", id, NULL, NULL, text_fold(b->a, hsds_get(&it->row, "name")),
                                       date_now_iso(b->a));
                const char **ids;
                int n = 0;
                if (st == WT_OK)
                    st = smdb_org_service_ids(b->ctx->db, b->a, id, &ids, &n);
                for (int s = 0; st == WT_OK && s < n; s++)
                    touch_service(services, ids[s]);
            }
        }
    }
    b->res->rows_written = written;
    return st;
}

static wt_status refresh_all(batch *b, idset *services)
{
    wt_status st = WT_OK;
    long done = 0;
    for (size_t i = 0; st == WT_OK && i < services->cap; i++) {
        if (!services->slot[i])
            continue;
        st = socialmap_refresh_service(b->ctx, services->slot[i]);
        if (st == WT_NOTFOUND) /* a service whose row was skipped */
            st = WT_OK;
        if (b->o && b->o->progress && ++done % SM_PROGRESS_EVERY == 0)
            b->o->progress(b->o->progress_u, _("zoekindex"), done);
    }
    return st;
}

static wt_status run(batch *b)
{
    validate_all(b);
    check_duplicates(b);
    bool skip = b->o && b->o->skip_bad_rows;
    do
        build_ids(b);
    while (check_refs(b) > 0 && skip);
    bool problems = b->field_errors ? b->field_errors->count > 0 : b->res->n_problems > 0;
    if (problems && !skip)
        return WT_INVALID;
    idset services = {0};
    wt_status st = write_all(b, &services);
    if (st == WT_OK)
        st = refresh_all(b, &services);
    if (st == WT_OK && b->res->rows_written >= SM_ANALYZE_ROWS)
        st = smdb_analyze(b->ctx->db);
    idset_free(&services);
    return st;
}

wt_status hsds_import_path(wt_ctx *ctx, const char *path, const hsds_import_opts *o, hsds_import_result *res)
{
    memset(res, 0, sizeof *res);
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    batch b = {0};
    b.ctx = ctx;
    b.a = ctx->a;
    b.o = o;
    b.res = res;
    read_path(&b, path);
    wt_status st = run(&b);
    batch_free(&b);
    return st;
}

wt_status hsds_import_object(wt_ctx *ctx, json_t *obj, const char *kind, errors *e, const char **id_out)
{
    hsds_import_result res;
    memset(&res, 0, sizeof res);
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    batch b = {0};
    b.ctx = ctx;
    b.a = ctx->a;
    b.res = &res;
    b.field_errors = e;
    b.new_ids = true;
    const hsds_resource *r = hsds_resource_by_name(kind);
    flatten(&b, r, obj, "request", 1, "", 0);
    *id_out = b.n[hsds_resource_index(r)] ? hsds_get(&b.items[hsds_resource_index(r)][0].row, "id") : NULL;
    wt_status st = run(&b);
    if (st == WT_OK && *id_out)
        *id_out = hsds_get(&b.items[hsds_resource_index(r)][0].row, "id"); /* lower-cased by validation */
    batch_free(&b);
    return st;
}
