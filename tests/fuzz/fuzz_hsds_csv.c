/*
 * fuzz_hsds_csv.c - libFuzzer harness for the HSDS 3.0 tabular data package
 * import (`wijkteam socialmap import DIR`): the input holds files, each after
 * a line "=== NAME" (datapackage.json or the CSV of an HSDS table, such as
 * services.csv; other names are left out). They are written to a temporary
 * directory that is imported into an empty in-memory database. Seeds:
 * tests/fuzz/corpus/hsds_csv (from the demo map's export).
 */
#include <stdint.h>
#include <unistd.h>

#include "../../src/socialmap/hsds_io.h"
#include "fuzz_db.h"

#define MAX_FILES 32

static char fuzz_dir[64];

static bool known_name(const char *name)
{
    return strcmp(name, "datapackage.json") == 0 || hsds_resource_by_file(name) != NULL;
}

/* Writes the files of the input; their names go to names (to remove them afterwards). */
static int write_files(const char *p, const char *end, char names[][64])
{
    int n = 0;
    while (p < end && n < MAX_FILES) {
        if (end - p < 4 || memcmp(p, "=== ", 4) != 0) {
            const char *next = memmem(p, (size_t)(end - p), "\n=== ", 5);
            p = next ? next + 1 : end;
            continue;
        }
        const char *name = p + 4;
        const char *eol = memchr(name, '\n', (size_t)(end - name));
        if (!eol)
            break;
        const char *body = eol + 1;
        const char *next = memmem(body, (size_t)(end - body), "\n=== ", 5);
        const char *stop = next ? next + 1 : end;
        size_t len = (size_t)(eol - name);
        if (len > 0 && len < 64) {
            memcpy(names[n], name, len);
            names[n][len] = '\0';
            if (known_name(names[n])) {
                char path[160];
                snprintf(path, sizeof path, "%s/%s", fuzz_dir, names[n]);
                FILE *f = fopen(path, "wb");
                if (!f || fwrite(body, 1, (size_t)(stop - body), f) != (size_t)(stop - body))
                    abort();
                fclose(f);
                n++;
            }
        }
        p = stop;
    }
    return n;
}

/* At the end of the run the (emptied) temporary directory goes. */
static void remove_dir(void)
{
    rmdir(fuzz_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!*fuzz_dir) {
        char dir[] = "/tmp/wt-fuzz-hsds-csv-XXXXXX";
        if (!mkdtemp(dir))
            abort();
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s", dir);
        atexit(remove_dir);
    }
    char names[MAX_FILES][64];
    int n = write_files((const char *)data, (const char *)data + size, names);
    wt_ctx ctx;
    arena a;
    fuzz_begin(&ctx, &a);
    hsds_import_opts o = {.skip_bad_rows = size % 2 == 1};
    hsds_import_result res;
    (void)hsds_import_path(&ctx, fuzz_dir, &o, &res);
    fuzz_end(&a);
    for (int i = 0; i < n; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s/%s", fuzz_dir, names[i]);
        unlink(path);
    }
    return 0;
}
