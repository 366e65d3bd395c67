/* Unit tests of the core helpers: escaping, dates, text, the router. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../src/core/date.h"
#include "../../src/core/text.h"
#include "../../src/http/html.h"
#include "../../src/http/request.h"
#include "../../src/http/router.h"

Test(html, escapes_every_string_argument)
{
    buf b = BUF_INIT;
    html_printf(&b, "<p title=\"%s\">%s %d</p>", "a\"b", "<script>alert('x')&</script>", 42);
    cr_assert_str_eq(buf_str(&b), "<p title=\"a&quot;b\">&lt;script&gt;alert(&#39;x&#39;)&amp;&lt;/script&gt; 42</p>");
    buf_free(&b);
}

Test(html, formats_integers_of_every_width)
{
    buf b = BUF_INIT;
    html_printf(&b, "%lld|%ld|%zu|%05d|%.1f|%%", 9000000000LL, -7L, (size_t)3, 42, 2.25);
    cr_assert_str_eq(buf_str(&b), "9000000000|-7|3|00042|2.2|%");
    buf_free(&b);
}

Test(date, parses_only_real_days)
{
    wt_date d;
    cr_assert(date_parse("2024-02-29", &d));
    cr_assert_not(date_parse("2023-02-29", &d));
    cr_assert_not(date_parse("2023-13-01", &d));
    cr_assert_not(date_parse("2023-1-01", &d));
    cr_assert_not(date_parse("01-02-2023", &d));
    cr_assert_not(date_parse("", &d));
}

Test(date, days_round_trip_and_age)
{
    wt_date d;
    cr_assert(date_parse("2026-11-23", &d));
    wt_date back = date_from_days(date_to_days(d));
    cr_assert_eq(date_compare(d, back), 0);
    wt_date birth;
    cr_assert(date_parse("1980-11-24", &birth));
    cr_assert_eq(date_age(birth, d), 45);
    cr_assert(date_parse("1980-11-23", &birth));
    cr_assert_eq(date_age(birth, d), 46);
}

Test(text, folds_diacritics_and_case)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(text_fold(&a, "Ëlisé Çağ"), "elise cag");
    cr_assert_eq(text_utf8_len("é\xff"), -1);
    cr_assert_eq(text_utf8_len("één"), 3);
    int64_t v;
    cr_assert(text_parse_int64("-12", &v) && v == -12);
    cr_assert_not(text_parse_int64("12a", &v));
    cr_assert_not(text_parse_int64(" 1", &v));
    arena_free(&a);
}

Test(request, urlencoded_values_are_decoded)
{
    arena a;
    arena_init(&a);
    kv_list l = {0};
    parse_urlencoded(&a, &l, "a=1&b=%C3%A9+x&c&a=2&d=%zz&e=%00", 32);
    cr_assert_str_eq(kv_get(&l, "a"), "1");
    cr_assert_str_eq(kv_get_nth(&l, "a", 1), "2");
    cr_assert_str_eq(kv_get(&l, "b"), "é x");
    cr_assert_str_eq(kv_get(&l, "c"), "");
    cr_assert_str_eq(kv_get(&l, "d"), "%zz");
    cr_assert_str_eq(kv_get(&l, "e"), "?");
    cr_assert_eq(kv_count(&l, "a"), 2);
    arena_free(&a);
}

static void noop(http_request *req) { (void)req; }

Test(router, matches_ids_and_reports_wrong_methods)
{
    router_reset();
    router_add("GET", "/cases/{id}/goals/{id}", noop, 0);
    http_request req;
    request_init(&req);
    int mismatch = 0;
    cr_assert_not_null(router_match("GET", "/cases/12/goals/7", &req, &mismatch));
    cr_assert_eq(req.n_ids, 2);
    cr_assert_eq(req.ids[0], 12);
    cr_assert_eq(req.ids[1], 7);
    cr_assert_null(router_match("GET", "/cases/0/goals/7", &req, &mismatch));
    cr_assert_null(router_match("GET", "/cases/x/goals/7", &req, &mismatch));
    cr_assert_null(router_match("POST", "/cases/1/goals/2", &req, &mismatch));
    cr_assert_eq(mismatch, 1);
    cr_assert_null(req.route_arg, "a route without arg");
    request_free(&req);
    router_reset();
}

Test(router, one_handler_serves_several_routes_told_apart_by_their_arg)
{
    router_reset();
    router_add_arg("POST", "/socialmap/contacts/{key}/checked", noop, 0, "contact");
    router_add_arg("POST", "/socialmap/terms/{key}/checked", noop, 0, "taxonomy_term");
    http_request req;
    request_init(&req);
    int mismatch = 0;
    const route *rt = router_match("POST", "/socialmap/terms/5e1f0001-0000-4000-8000-000000000005/checked", &req,
                                   &mismatch);
    cr_assert_not_null(rt);
    cr_assert_str_eq(req.route_arg, "taxonomy_term");
    cr_assert_str_eq(req.keys[0], "5e1f0001-0000-4000-8000-000000000005");
    cr_assert_not_null(router_match("POST", "/socialmap/contacts/5e1f0001-0000-4000-8000-000000000005/checked", &req,
                                    &mismatch));
    cr_assert_str_eq(req.route_arg, "contact");
    cr_assert_eq(rt->handler, noop);
    request_free(&req);
    router_reset();
}
