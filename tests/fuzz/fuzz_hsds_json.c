/*
 * fuzz_hsds_json.c - libFuzzer harness for the HSDS JSON import: the input is
 * written as an HSDS JSON file and imported as `wijkteam socialmap import FILE`
 * does (hsds_import_path), then, when it is one object, posted as the API's
 * POST /api/v1/services does (hsds_import_object), each against an empty
 * in-memory database. Seeds: tests/fuzz/corpus/hsds_json (from the demo map's
 * export).
 */
#include <jansson.h>
#include <stdint.h>
#include <unistd.h>

#include "../../src/socialmap/hsds_io.h"
#include "fuzz_db.h"

static char fuzz_path[64];

static char fuzz_dir[48];

/* At the end of the run: the temporary file and its directory go. */
static void remove_input(void)
{
    unlink(fuzz_path);
    rmdir(fuzz_dir);
}

static void write_input(const uint8_t *data, size_t size)
{
    if (!*fuzz_path) {
        snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/wt-fuzz-hsds-json-XXXXXX");
        if (!mkdtemp(fuzz_dir))
            abort();
        snprintf(fuzz_path, sizeof fuzz_path, "%s/hsds.json", fuzz_dir);
        atexit(remove_input);
    }
    FILE *f = fopen(fuzz_path, "wb");
    if (!f || fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wt_ctx ctx;
    arena a;
    write_input(data, size);
    fuzz_begin(&ctx, &a);
    hsds_import_opts o = {.skip_bad_rows = size % 2 == 1};
    hsds_import_result res;
    (void)hsds_import_path(&ctx, fuzz_path, &o, &res);
    fuzz_end(&a);

    json_t *obj = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
    if (json_is_object(obj)) {
        fuzz_begin(&ctx, &a);
        errors e;
        errors_init(&e, &a);
        const char *id = NULL;
        (void)hsds_import_object(&ctx, obj, json_object_get(obj, "status") ? "service" : "organization", &e, &id);
        fuzz_end(&a);
    }
    json_decref(obj);
    return 0;
}
