/*
 * fuzz_assessment_scale.c - libFuzzer harness for the assessment scale loader
 * (`wijkteam assessment load FILE`: assessment_scale_load, which parses and
 * checks the matrix and stores it) against an empty in-memory database.
 * Seeds: tests/fuzz/corpus/assessment_scale (sql/data/zrm-2017.json and
 * variants of it).
 */
#include <stdint.h>

#include "../../src/assessment/assessment.h"
#include "fuzz_db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wt_ctx ctx;
    arena a;
    fuzz_begin(&ctx, &a);
    /* A copy of exactly size bytes, so that reading past the input is caught. */
    char *json = malloc(size ? size : 1);
    if (!json)
        abort();
    memcpy(json, data, size);
    errors e;
    errors_init(&e, &a);
    int64_t id = 0;
    (void)assessment_scale_load(&ctx, json, size, &e, &id);
    free(json);
    fuzz_end(&a);
    return 0;
}
