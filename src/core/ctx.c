/* ctx.c - role codes and labels (see ctx.h). */
#include "ctx.h"
#include "i18n.h"

#include <string.h>

static const struct { wt_role role; const char *code; const char *label; } roles[] = {
    {ROLE_WORKER, "worker", N_("Sociaal werker")},
    {ROLE_TEAMLEADER, "teamleader", N_("Teamleider")},
    {ROLE_ADMIN, "admin", N_("Beheerder")},
    {ROLE_POLICY, "policy", N_("Beleidsmedewerker")},
};

const char *role_code(wt_role r)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (roles[i].role == r)
            return roles[i].code;
    return "none";
}

wt_role role_from_code(const char *code)
{
    if (!code)
        return ROLE_NONE;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(roles[i].code, code) == 0)
            return roles[i].role;
    return ROLE_NONE;
}

const char *role_label(wt_role r)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (roles[i].role == r)
            return _(roles[i].label);
    return "";
}
