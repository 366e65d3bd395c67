/*
 * household.c - the rules of households, persons and addresses (see household.h):
 * BSN 11-proef, postcodes, address formatting, name folding, registration of a
 * household with its members, members' changes and the search of a team.
 */
#include "household.h"
#include "../case/case.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/buf.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "household_db.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NAME_MAX_LEN 100
#define PHONE_MAX_LEN 30
#define EMAIL_MAX_LEN 200
#define QUERY_MAX_LEN 100
#define QUERY_MAX_WORDS 4

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

bool bsn_valid(const char *bsn)
{
    if (!bsn || strlen(bsn) != 9)
        return false;
    int sum = 0;
    bool all_zero = true;
    for (int i = 0; i < 9; i++) {
        if (bsn[i] < '0' || bsn[i] > '9')
            return false;
        int d = bsn[i] - '0';
        if (d)
            all_zero = false;
        /* 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11. */
        sum += i < 8 ? (9 - i) * d : -d;
    }
    return !all_zero && sum % 11 == 0;
}

bool bsn_normalise(const char *in, char out[10])
{
    size_t n = 0;
    out[0] = '\0';
    if (!in)
        return false;
    for (const char *p = in; *p; p++) {
        if (*p == ' ' || *p == '.' || *p == '-')
            continue;
        if (*p < '0' || *p > '9' || n >= 9)
            return false;
        out[n++] = *p;
    }
    out[n] = '\0';
    return n == 9;
}

char *bsn_mask(arena *a, const char *bsn)
{
    if (!bsn || !*bsn)
        return arena_strdup(a, "");
    size_t n = strlen(bsn);
    return arena_printf(a, "***-**-%s", n >= 3 ? bsn + n - 3 : bsn);
}

bool postcode_normalise(const char *in, char out[7])
{
    out[0] = '\0';
    if (!in)
        return false;
    while (*in == ' ' || *in == '\t')
        in++;
    char digits[4], letters[2];
    for (int i = 0; i < 4; i++) {
        if (in[i] < '0' || in[i] > '9')
            return false;
        digits[i] = in[i];
    }
    const char *p = in + 4;
    if (*p == ' ')
        p++;
    for (int i = 0; i < 2; i++) {
        if (!isalpha((unsigned char)p[i]))
            return false;
        letters[i] = (char)toupper((unsigned char)p[i]);
    }
    p += 2;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p)
        return false;
    /* Postcodes start at 1000; SA, SD and SS are never issued. */
    if (digits[0] == '0')
        return false;
    if (letters[0] == 'S' && (letters[1] == 'A' || letters[1] == 'D' || letters[1] == 'S'))
        return false;
    memcpy(out, digits, 4);
    memcpy(out + 4, letters, 2);
    out[6] = '\0';
    return true;
}

char *postcode_display(arena *a, const char *postcode)
{
    if (!postcode)
        return arena_strdup(a, "");
    if (strlen(postcode) != 6)
        return arena_strdup(a, postcode);
    return arena_printf(a, "%.4s %.2s", postcode, postcode + 4);
}

char *address_format(arena *a, const address *addr)
{
    if (!addr || (!addr->id && !addr->postcode))
        return arena_strdup(a, "");
    buf b = BUF_INIT;
    if (addr->street && *addr->street)
        buf_printf(&b, "%s ", addr->street);
    buf_printf(&b, "%d", addr->house_number);
    if (addr->house_letter && *addr->house_letter)
        buf_printf(&b, " %s", addr->house_letter);
    if (addr->addition && *addr->addition)
        buf_printf(&b, "-%s", addr->addition);
    if (addr->postcode && *addr->postcode)
        buf_printf(&b, ", %s", postcode_display(a, addr->postcode));
    if (addr->town && *addr->town)
        buf_printf(&b, "%s%s", addr->postcode && *addr->postcode ? " " : ", ", addr->town);
    char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}

char *person_full_name(arena *a, const person *p)
{
    const char *g = p->given_name ? p->given_name : "";
    const char *f = p->family_name ? p->family_name : "";
    return arena_printf(a, "%s%s%s", g, *g && *f ? " " : "", f);
}

/* Folded text with runs of white space collapsed to one space and no space at either end. */
static char *fold_collapse(arena *a, const char *s)
{
    char *f = text_fold(a, s ? s : "");
    size_t j = 0;
    bool space = true;
    for (size_t i = 0; f[i]; i++) {
        if (isspace((unsigned char)f[i])) {
            if (!space)
                f[j++] = ' ';
            space = true;
        } else {
            f[j++] = f[i];
            space = false;
        }
    }
    while (j > 0 && f[j - 1] == ' ')
        j--;
    f[j] = '\0';
    return f;
}

char *person_name_fold(arena *a, const char *given_name, const char *family_name)
{
    return fold_collapse(a, arena_printf(a, "%s %s", given_name ? given_name : "", family_name ? family_name : ""));
}

char *person_family_fold(arena *a, const char *family_name)
{
    return fold_collapse(a, family_name);
}

bool person_input_empty(const person_input *p)
{
    return text_empty(p->given_name) && text_empty(p->family_name) && text_empty(p->birth_date) &&
           text_empty(p->bsn) && text_empty(p->phone) && text_empty(p->email) && !p->is_volunteer &&
           !p->is_informal_carer && !p->is_new_resident;
}

int person_age(const person *p)
{
    wt_date b;
    if (!p->birth_date || !date_parse(p->birth_date, &b))
        return -1;
    return date_age(b, date_today());
}

void person_to_input(const person *p, person_input *in)
{
    in->given_name = p->given_name;
    in->family_name = p->family_name;
    in->birth_date = p->birth_date;
    in->bsn = p->bsn;
    in->phone = p->phone;
    in->email = p->email;
    in->is_volunteer = p->is_volunteer;
    in->is_informal_carer = p->is_informal_carer;
    in->is_new_resident = p->is_new_resident;
}

/* ---- validation ------------------------------------------------------------------------------------------------ */

static bool has_control_chars(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/*
 * A one-line text field: trimmed, at most max characters, no control characters.
 * Returns the trimmed value, or NULL when it is empty (an error when required).
 */
static const char *check_line(arena *a, errors *e, const char *field, const char *value, long max,
                              const char *missing, const char *too_long)
{
    char *v = text_trim(a, value);
    if (!v || !*v) {
        if (missing)
            errors_add(e, field, missing);
        return NULL;
    }
    long len = text_utf8_len(v);
    if (len < 0 || has_control_chars(v)) {
        errors_add(e, field, _("Dit veld bevat ongeldige tekens."));
        return NULL;
    }
    if (len > max) {
        errors_add(e, field, too_long);
        return NULL;
    }
    return v;
}

/* "31-12-1980" is read as 1980-12-31 as well; returns the ISO date or NULL. */
static const char *parse_birth_date(arena *a, const char *s, wt_date *d)
{
    if (date_parse(s, d))
        return s;
    if (strlen(s) == 10 && s[2] == '-' && s[5] == '-') {
        char iso[11];
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s + 6, s + 3, s);
        if (date_parse(iso, d))
            return arena_strdup(a, iso);
    }
    return NULL;
}

static bool valid_phone(const char *s)
{
    int digits = 0;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s))
            digits++;
        else if (!strchr(" +-()", *s))
            return false;
    }
    return digits >= 3;
}

static bool valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@'))
        return false;
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || !dot[1])
        return false;
    for (; *s; s++)
        if (isspace((unsigned char)*s) || strchr("<>\"(),;:[]\\", *s))
            return false;
    return true;
}

static const char *fname(arena *a, const char *prefix, const char *name)
{
    return *prefix ? arena_printf(a, "%s%s", prefix, name) : name;
}

/*
 * Validates one person. prefix names the row ("members.2." or ""); self_id is
 * the person being changed (0 for a new one); taken lists BSNs already used in
 * the same registration.
 */
static void validate_person(wt_ctx *ctx, const person_input *in, const char *prefix, int64_t self_id,
                            const char *const *taken, int n_taken, errors *e, person_row *out)
{
    arena *a = ctx->a;
    memset(out, 0, sizeof(*out));
    out->given_name = check_line(a, e, fname(a, prefix, "given_name"), in->given_name, NAME_MAX_LEN,
                                 _("Vul de voornaam in."), _("De voornaam mag hoogstens 100 tekens lang zijn."));
    out->family_name = check_line(a, e, fname(a, prefix, "family_name"), in->family_name, NAME_MAX_LEN,
                                  _("Vul de achternaam in."), _("De achternaam mag hoogstens 100 tekens lang zijn."));
    out->name_folded = person_name_fold(a, out->given_name, out->family_name);
    out->family_folded = person_family_fold(a, out->family_name);

    const char *bd = text_trim(a, in->birth_date);
    if (bd && *bd) {
        wt_date d;
        const char *iso = parse_birth_date(a, bd, &d);
        if (!iso)
            errors_add(e, fname(a, prefix, "birth_date"),
                       _("Vul een geldige geboortedatum in, als JJJJ-MM-DD (bijvoorbeeld 1980-12-31)."));
        else if (date_compare(d, date_today()) > 0)
            errors_add(e, fname(a, prefix, "birth_date"), _("De geboortedatum ligt in de toekomst."));
        else
            out->birth_date = iso;
    }

    const char *bsn_in = text_trim(a, in->bsn);
    if (bsn_in && *bsn_in) {
        char digits[10];
        const char *field = fname(a, prefix, "bsn");
        int64_t owner = 0;
        if (!bsn_normalise(bsn_in, digits) || !bsn_valid(digits)) {
            errors_add(e, field, _("Dit BSN klopt niet: een BSN heeft 9 cijfers en voldoet aan de elfproef."));
        } else if (person_db_bsn_owner(ctx->db, a, digits, &owner) == WT_OK && owner && owner != self_id) {
            errors_add(e, field, _("Dit BSN is al geregistreerd bij een andere persoon."));
        } else {
            bool dup = false;
            for (int i = 0; i < n_taken; i++)
                if (taken[i] && strcmp(taken[i], digits) == 0)
                    dup = true;
            if (dup)
                errors_add(e, field, _("Dit BSN is al ingevuld bij een ander gezinslid."));
            else
                out->bsn = arena_strdup(a, digits);
        }
    }

    const char *phone = check_line(a, e, fname(a, prefix, "phone"), in->phone, PHONE_MAX_LEN, NULL,
                                   _("Het telefoonnummer mag hoogstens 30 tekens lang zijn."));
    if (phone && !valid_phone(phone))
        errors_add(e, fname(a, prefix, "phone"),
                   _("Vul een geldig telefoonnummer in: cijfers, spaties, +, - of haakjes."));
    else
        out->phone = phone;
    const char *email = check_line(a, e, fname(a, prefix, "email"), in->email, EMAIL_MAX_LEN, NULL,
                                   _("Het e-mailadres mag hoogstens 200 tekens lang zijn."));
    if (email && !valid_email(email))
        errors_add(e, fname(a, prefix, "email"), _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."));
    else
        out->email = email;
    out->is_volunteer = in->is_volunteer;
    out->is_informal_carer = in->is_informal_carer;
    out->is_new_resident = in->is_new_resident;
}

static bool parse_house_number(const char *s, int *out)
{
    int64_t v;
    if (!text_parse_int64(s, &v) || v < 1 || v > 99999 || s[0] == '+' || s[0] == '-')
        return false;
    *out = (int)v;
    return true;
}

/* Upper-cased copy when s is 1..max letters/digits (letters only when letters_only); "" for empty; NULL when bad. */
static const char *house_part(arena *a, const char *s, size_t max, bool letters_only)
{
    char *v = text_trim(a, s);
    if (!v || !*v)
        return "";
    size_t n = strlen(v);
    if (n > max)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch >= 0x80 || !(isalpha(ch) || (!letters_only && isdigit(ch))))
            return NULL;
        v[i] = (char)toupper(ch);
    }
    return v;
}

/*
 * Validates the address; *existing_id is the id of the address row with the
 * same postcode, number, letter and addition (0: a new one is needed, and
 * then street and town are required).
 */
static void validate_address(wt_ctx *ctx, const address_input *in, errors *e, address_row *out, int64_t *existing_id)
{
    arena *a = ctx->a;
    memset(out, 0, sizeof(*out));
    *existing_id = 0;
    bool key_ok = true;
    char pc[7];
    if (text_empty(in->postcode)) {
        errors_add(e, "postcode", _("Vul de postcode in."));
        key_ok = false;
    } else if (!postcode_normalise(in->postcode, pc)) {
        errors_add(e, "postcode", _("Vul een geldige postcode in, zoals 1234 AB."));
        key_ok = false;
    } else {
        out->postcode = arena_strdup(a, pc);
    }
    char *hn = text_trim(a, in->house_number);
    if (!hn || !*hn) {
        errors_add(e, "house_number", _("Vul het huisnummer in."));
        key_ok = false;
    } else if (!parse_house_number(hn, &out->house_number)) {
        errors_add(e, "house_number", _("Het huisnummer is een getal van 1 tot en met 99999."));
        key_ok = false;
    }
    out->house_letter = house_part(a, in->house_letter, 1, true);
    if (!out->house_letter) {
        errors_add(e, "house_letter", _("De huisletter is één letter, zoals A."));
        key_ok = false;
    }
    out->addition = house_part(a, in->addition, 4, false);
    if (!out->addition) {
        errors_add(e, "addition", _("De toevoeging heeft hoogstens 4 letters of cijfers, zoals 2 of BIS."));
        key_ok = false;
    }
    if (key_ok && address_db_find(ctx->db, a, out, existing_id) != WT_OK)
        *existing_id = 0;
    /* An existing address keeps its street and town; a new one needs them. */
    bool need = *existing_id == 0;
    out->street = check_line(a, e, "street", in->street, NAME_MAX_LEN, need ? _("Vul de straat in.") : NULL,
                             _("De straat mag hoogstens 100 tekens lang zijn."));
    out->town = check_line(a, e, "town", in->town, NAME_MAX_LEN, need ? _("Vul de woonplaats in.") : NULL,
                           _("De woonplaats mag hoogstens 100 tekens lang zijn."));
}

/* ---- access ---------------------------------------------------------------------------------------------------- */

/*
 * Whether the actor may act on households at all (FORBIDDEN for roles without
 * household access) and on this team's household (NOTFOUND otherwise: the
 * existence of another team's household does not leak).
 */
static wt_status check_access(const wt_ctx *ctx, permission perm, int64_t team_id)
{
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    if (team_id == 0 || !policy_allows(&ctx->who, perm, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    return WT_OK;
}

/* The team's household, known to the actor (no need-to-know: that it exists and whose case it is). */
static wt_status household_known(wt_ctx *ctx, permission perm, int64_t household_id)
{
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    int64_t team_id = 0;
    wt_status st = household_db_team(ctx->db, ctx->a, household_id, &team_id);
    if (st != WT_OK)
        return st;
    return check_access(ctx, perm, team_id);
}

/* The content of the household: of the team, and need-to-know when the household has a case. */
static wt_status household_access(wt_ctx *ctx, permission perm, int64_t household_id)
{
    wt_status st = household_known(ctx, perm, household_id);
    return st == WT_OK ? case_household_access(ctx, household_id, perm) : st;
}

wt_status household_check_role(wt_ctx *ctx, bool write)
{
    permission perm = write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ;
    return policy_allows(&ctx->who, perm, POLICY_NO_TARGET) && ctx->who.team_id ? WT_OK : WT_FORBIDDEN;
}

wt_status household_check_visible(wt_ctx *ctx, int64_t household_id)
{
    return household_known(ctx, PERM_HOUSEHOLD_READ, household_id);
}

/* ---- operations ------------------------------------------------------------------------------------------------ */

wt_status household_get(wt_ctx *ctx, int64_t id, household *out)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = household_db_get(ctx->db, ctx->a, id, out);
    if (st != WT_OK)
        return st;
    st = check_access(ctx, PERM_HOUSEHOLD_READ, out->team_id);
    if (st == WT_OK)
        st = case_household_access(ctx, id, PERM_HOUSEHOLD_READ);
    if (st != WT_OK)
        return st;
    st = household_db_members(ctx->db, ctx->a, id, &out->members, &out->n_members);
    household_case hc;
    if (st == WT_OK)
        st = household_db_open_case(ctx->db, ctx->a, id, &hc);
    if (st != WT_OK)
        return st;
    out->open_case_id = hc.case_id;
    audit_log(ctx, AUDIT_READ, "household", id, (audit_subject){id, 0, hc.case_id});
    for (int i = 0; i < out->n_members; i++)
        audit_log(ctx, AUDIT_READ, "person", out->members[i].id, (audit_subject){id, out->members[i].id, 0});
    return WT_OK;
}

wt_status household_open_case(wt_ctx *ctx, int64_t household_id, household_case *out)
{
    memset(out, 0, sizeof(*out));
    wt_status st = household_known(ctx, PERM_HOUSEHOLD_READ, household_id);
    if (st != WT_OK)
        return st;
    return household_db_open_case(ctx->db, ctx->a, household_id, out);
}

static const char *default_household_name(arena *a, const person_row *first)
{
    return arena_printf(a, _("Huishouden %s"), first && first->family_name ? first->family_name : "");
}

wt_status household_create(wt_ctx *ctx, const household_input *in, errors *e, int64_t *id)
{
    *id = 0;
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    arena *a = ctx->a;
    const char *name = check_line(a, e, "name", in->name, NAME_MAX_LEN, NULL,
                                  _("De naam van het huishouden mag hoogstens 100 tekens lang zijn."));
    address_row addr;
    int64_t address_id = 0;
    validate_address(ctx, &in->addr, e, &addr, &address_id);

    int n_rows = in->n_members > 0 ? in->n_members : 0;
    person_row *rows = arena_alloc(a, sizeof(person_row) * (size_t)(n_rows ? n_rows : 1));
    const char **bsns = arena_alloc(a, sizeof(char *) * (size_t)(n_rows ? n_rows : 1));
    int filled = 0;
    const person_row *first = NULL;
    for (int i = 0; i < n_rows; i++) {
        if (person_input_empty(&in->members[i]))
            continue;
        filled++;
        if (filled > HOUSEHOLD_MAX_MEMBERS)
            continue;
        const char *prefix = arena_printf(a, "members.%d.", i);
        validate_person(ctx, &in->members[i], prefix, 0, bsns, i, e, &rows[i]);
        bsns[i] = rows[i].bsn;
        if (!first)
            first = &rows[i];
    }
    if (filled == 0)
        errors_add(e, "members", _("Vul minstens één gezinslid in, met voornaam en achternaam."));
    else if (filled > HOUSEHOLD_MAX_MEMBERS)
        errors_add(e, "members", _("U kunt hoogstens 30 gezinsleden tegelijk registreren."));
    if (e->count)
        return WT_INVALID;

    const char *now = date_now_iso(a);
    wt_status st = WT_OK;
    bool new_address = address_id == 0;
    if (new_address)
        st = address_db_insert(ctx->db, a, &addr, &address_id);
    if (st == WT_OK)
        st = household_db_insert(ctx->db, ctx->who.team_id, address_id, name ? name : default_household_name(a, first),
                                 now, ctx->who.user_id, id);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_CREATE, "household", *id, (audit_subject){*id, 0, 0});
    if (new_address)
        audit_log(ctx, AUDIT_CREATE, "address", address_id, (audit_subject){*id, 0, 0});
    for (int i = 0; i < n_rows; i++) {
        if (person_input_empty(&in->members[i]))
            continue;
        int64_t pid = 0;
        st = person_db_insert(ctx->db, *id, &rows[i], now, &pid);
        if (st != WT_OK)
            return st;
        audit_log(ctx, AUDIT_CREATE, "person", pid, (audit_subject){*id, pid, 0});
    }
    return WT_OK;
}

wt_status household_add_person(wt_ctx *ctx, int64_t household_id, const person_input *in, errors *e, int64_t *person_id)
{
    *person_id = 0;
    wt_status st = household_access(ctx, PERM_HOUSEHOLD_WRITE, household_id);
    if (st != WT_OK)
        return st;
    person_row row;
    validate_person(ctx, in, "", 0, NULL, 0, e, &row);
    if (e->count)
        return WT_INVALID;
    st = person_db_insert(ctx->db, household_id, &row, date_now_iso(ctx->a), person_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "person", *person_id, (audit_subject){household_id, *person_id, 0});
    return st;
}

/* Loads a person the actor may see (FORBIDDEN or NOTFOUND otherwise). */
static wt_status person_load(wt_ctx *ctx, permission perm, int64_t id, person *out)
{
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    int64_t team_id = 0;
    wt_status st = person_db_get(ctx->db, ctx->a, id, out, &team_id);
    if (st == WT_OK)
        st = check_access(ctx, perm, team_id);
    return st == WT_OK ? case_household_access(ctx, out->household_id, perm) : st;
}

wt_status person_get(wt_ctx *ctx, int64_t id, person *out)
{
    wt_status st = person_load(ctx, PERM_HOUSEHOLD_READ, id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "person", id, (audit_subject){out->household_id, id, 0});
    return st;
}

wt_status person_update(wt_ctx *ctx, int64_t id, const person_input *in, errors *e)
{
    person existing;
    wt_status st = person_load(ctx, PERM_HOUSEHOLD_WRITE, id, &existing);
    if (st != WT_OK)
        return st;
    person_row row;
    validate_person(ctx, in, "", id, NULL, 0, e, &row);
    if (e->count)
        return WT_INVALID;
    st = person_db_update(ctx->db, id, &row);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "person", id, (audit_subject){existing.household_id, id, 0});
    return st;
}

/* ---- search ---------------------------------------------------------------------------------------------------- */

/*
 * Splits a name query into folded words of letters, digits, apostrophes and
 * hyphens (LIKE wildcards and other signs are dropped). Words of one
 * character only narrow the prefix, they do not select on their own.
 */
static int query_words(arena *a, const char *folded, const char ***out)
{
    const char **words = arena_alloc(a, sizeof(char *) * QUERY_MAX_WORDS);
    int n = 0;
    const char *p = folded;
    while (*p && n < QUERY_MAX_WORDS) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p - start >= 2)
            words[n++] = arena_strndup(a, start, (size_t)(p - start));
    }
    *out = words;
    return n;
}

/* The folded query without signs that are no part of a name. */
static char *query_clean(arena *a, const char *q)
{
    char *f = fold_collapse(a, q);
    for (char *p = f; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (!(ch >= 0x80 || isalnum(ch) || ch == '\'' || ch == '-' || ch == ' '))
            *p = ' ';
    }
    return fold_collapse(a, f);
}

static void validate_query(wt_ctx *ctx, const household_query *q, errors *e, household_search_sql *s)
{
    arena *a = ctx->a;
    memset(s, 0, sizeof(*s));
    const char *qt = text_trim(a, q->q);
    if (qt && *qt) {
        long len = text_utf8_len(qt);
        if (len < 0 || len > QUERY_MAX_LEN) {
            errors_add(e, "q", _("Typ een naam van hoogstens 100 tekens."));
        } else {
            s->name_prefix = query_clean(a, qt);
            const char **words = NULL;
            s->n_words = query_words(a, s->name_prefix, &words);
            s->words = words;
            if (s->n_words == 0)
                errors_add(e, "q", _("Typ minstens 2 letters van de naam."));
        }
    }
    const char *pc_in = text_trim(a, q->postcode);
    char pc[7];
    if (pc_in && *pc_in) {
        if (!postcode_normalise(pc_in, pc))
            errors_add(e, "postcode", _("Vul een geldige postcode in, zoals 1234 AB."));
        else
            s->postcode = arena_strdup(a, pc);
    }
    const char *hn = text_trim(a, q->house_number);
    if (hn && *hn) {
        if (!parse_house_number(hn, &s->house_number))
            errors_add(e, "house_number", _("Het huisnummer is een getal van 1 tot en met 99999."));
        else if (!pc_in || !*pc_in)
            errors_add(e, "postcode", _("Vul bij een huisnummer ook de postcode in."));
    }
    const char *bd = text_trim(a, q->birth_date);
    if (bd && *bd) {
        wt_date d;
        const char *iso = parse_birth_date(a, bd, &d);
        if (!iso)
            errors_add(e, "birth_date", _("Vul een geldige geboortedatum in, als JJJJ-MM-DD (bijvoorbeeld 1980-12-31)."));
        else
            s->birth_date = iso;
    }
    bool any = (qt && *qt) || (pc_in && *pc_in) || (hn && *hn) || (bd && *bd);
    if (!any)
        errors_add(e, "q", _("Vul een naam, een postcode (met huisnummer) of een geboortedatum in."));
    s->limit = q->limit > 0 && q->limit <= 100 ? q->limit : HOUSEHOLD_PAGE;
    s->offset = q->offset > 0 && q->offset <= 1000000000 ? q->offset : 0;
}

wt_status household_search(wt_ctx *ctx, const household_query *q, errors *e, household_hit **out, int *n, bool *more)
{
    *out = NULL;
    *n = 0;
    *more = false;
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    household_search_sql s;
    validate_query(ctx, q, e, &s);
    if (e->count)
        return WT_INVALID;
    s.team_id = ctx->who.team_id;
    int page = s.limit;
    s.limit = page + 1; /* one more tells whether there is a next page */
    int64_t *ids;
    int nids = 0;
    wt_status st = household_db_search(ctx->db, ctx->a, &s, &ids, &nids);
    if (st != WT_OK)
        return st;
    if (nids > page) {
        *more = true;
        nids = page;
    }
    household_hit *hits = arena_alloc(ctx->a, sizeof(household_hit) * (size_t)(nids ? nids : 1));
    for (int i = 0; i < nids; i++) {
        household *h = &hits[i].h;
        st = household_db_get(ctx->db, ctx->a, ids[i], h);
        if (st == WT_OK)
            st = household_db_members(ctx->db, ctx->a, ids[i], &h->members, &h->n_members);
        if (st == WT_OK)
            st = household_db_open_case(ctx->db, ctx->a, ids[i], &hits[i].open_case);
        if (st != WT_OK)
            return st;
        h->open_case_id = hits[i].open_case.case_id;
        audit_log(ctx, AUDIT_SEARCH, "household", ids[i], (audit_subject){ids[i], 0, h->open_case_id});
    }
    if (nids == 0) /* the search itself is recorded, also when it found nobody */
        audit_log(ctx, AUDIT_SEARCH, "household", 0, (audit_subject){0});
    *out = hits;
    *n = nids;
    return WT_OK;
}
