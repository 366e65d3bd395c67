/* demo_gen.c - names, households, addresses and texts of the demo (see demo_gen.h). */
#include "demo_gen.h"
#include "../core/text.h"

#include <stdio.h>
#include <string.h>

/* ---- random source ---------------------------------------------------------------------------------------------- */

void demo_rng_seed(demo_rng *r, uint64_t seed)
{
    r->s = seed ^ 0x9e3779b97f4a7c15ULL;
}

uint64_t demo_rng_next(demo_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int demo_rng_int(demo_rng *r, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    return lo + (int)(demo_rng_next(r) % (uint64_t)(hi - lo + 1));
}

bool demo_rng_chance(demo_rng *r, int percent)
{
    return demo_rng_int(r, 0, 99) < percent;
}

bool demo_bsn(uint64_t seed, uint64_t index, char out[10])
{
    /* 8 digits "9dddddddd" from an affine bijection of 0..9,999,999, then the check digit. */
    uint64_t body = ((index % 10000000ULL) * 3967ULL + seed % 10000000ULL) % 10000000ULL;
    char d[10];
    snprintf(d, sizeof d, "9%07llu", (unsigned long long)body);
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += (9 - i) * (d[i] - '0');
    int check = sum % 11;
    if (check == 10) {
        out[0] = '\0';
        return false;
    }
    memcpy(out, d, 8);
    out[8] = (char)('0' + check);
    out[9] = '\0';
    return true;
}

/* ---- names ------------------------------------------------------------------------------------------------------ */

typedef struct name_pool {
    int weight; /* percent of households */
    const char *const *family;
    int n_family;
    /* given names: [generation][sex] with generation 0 born before 1960, 1 before 1990, 2 later */
    const char *const *given[3][2];
    int n_given[3][2];
    bool recent; /* recently arrived: often new residents */
} name_pool;

#define N(list) (int)(sizeof(list) / sizeof((list)[0]))

static const char *const nl_family[] = {
    "de Vries", "Hoekstra", "Dijkstra", "Visser", "de Jong", "Bakker", "Postma", "Jansen", "de Boer",
    "van der Meer", "Bosma", "Zijlstra", "Wiersma", "Hiemstra", "Terpstra", "Veenstra", "Kuipers", "Mulder",
    "Sikkema", "Boersma", "Brouwer", "Huisman", "Faber", "Kramer", "Jongsma", "Kooistra", "Hofstra",
    "van der Veen", "Attema", "Tuinstra", "Nauta", "Westra", "Talsma", "Jellema", "Koopmans", "Smit", "Meijer",
    "Bergsma", "Holtrop", "de Haan", "Schaap", "Tolsma", "Wijnstra", "Keizer", "van Dijk", "Kingma", "Bouma",
    "Haagsma", "Reitsma", "Wijbenga", "Dam", "Rienstra", "Feenstra", "de Groot", "Sijtsma", "Kloosterman",
};
static const char *const nl_f0[] = {"Geertje", "Anneke", "Hiltje", "Trijntje", "Riemke", "Janke", "Grietje",
                                    "Antje", "Sjoukje", "Tineke", "Wietske", "Jeltje", "Ria", "Joke", "Corrie",
                                    "Aaltje", "Froukje", "Baukje"};
static const char *const nl_m0[] = {"Sjoerd", "Jan", "Hendrik", "Klaas", "Pieter", "Douwe", "Tjeerd", "Wiebe",
                                    "Gerrit", "Jelle", "Sietse", "Haije", "Henk", "Bauke", "Oege", "Durk", "Anne",
                                    "Wim"};
static const char *const nl_f1[] = {"Ingrid", "Marja", "Petra", "Sandra", "Monique", "Anita", "Esther", "Linda",
                                    "Wendy", "Marieke", "Nynke", "Sietske", "Jolanda", "Mirjam", "Karin", "Tamara",
                                    "Ilse", "Gerda"};
static const char *const nl_m1[] = {"Marco", "Erik", "Richard", "Johan", "Sander", "Remco", "Jeroen", "Arjen",
                                    "Harm", "Sjors", "Wouter", "Dennis", "Robert", "Martijn", "Jurjen", "Ronald",
                                    "Patrick", "Hessel"};
static const char *const nl_f2[] = {"Lisa", "Anouk", "Femke", "Iris", "Emma", "Julia", "Tess", "Noa", "Lotte",
                                    "Fenna", "Sara", "Mila", "Nina", "Jildou", "Yfke", "Sophie", "Eva", "Nienke"};
static const char *const nl_m2[] = {"Daan", "Bram", "Jesse", "Sem", "Luuk", "Tim", "Thijs", "Lars", "Finn",
                                    "Stijn", "Jelmer", "Sven", "Noah", "Mees", "Jorrit", "Tygo", "Milan", "Rik"};

static const char *const tr_family[] = {"Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın",
                                        "Arslan", "Doğan", "Koç", "Yıldız", "Kılıç"};
static const char *const tr_f[] = {"Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Büşra", "Esra", "Melek",
                                   "Songül"};
static const char *const tr_m[] = {"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Emre", "Burak", "Murat",
                                   "Yusuf", "Kemal"};
static const char *const tr_f2[] = {"Elif", "Zeynep", "Ecrin", "Defne", "Azra", "Yasmin", "Esma", "Ela"};
static const char *const tr_m2[] = {"Yusuf", "Emir", "Kerem", "Mert", "Eren", "Ömer", "Efe", "Can"};

static const char *const ma_family[] = {"El Amrani", "Bakkali", "Tahiri", "Haddou", "El Idrissi", "Ouali",
                                        "Benali", "Ait Taleb", "Boukhari", "Azzouzi", "El Khattabi", "Zaoui"};
static const char *const ma_f[] = {"Fatima", "Khadija", "Malika", "Naima", "Samira", "Yasmina", "Nora", "Souad",
                                   "Imane", "Hanane"};
static const char *const ma_m[] = {"Mohamed", "Ahmed", "Abdelkader", "Youssef", "Karim", "Rachid", "Hamza",
                                   "Mustapha", "Driss", "Said"};
static const char *const ma_f2[] = {"Nour", "Yasmine", "Amira", "Salma", "Inaya", "Lina", "Sara", "Hiba"};
static const char *const ma_m2[] = {"Adam", "Bilal", "Ilias", "Ayoub", "Rayan", "Zakaria", "Amin", "Anas"};

static const char *const sy_family[] = {"Al-Hassan", "Haddad", "Khalil", "Al-Masri", "Darwish", "Ibrahim",
                                        "Mansour", "Saleh", "Al-Ahmad", "Othman", "Hamdan", "Sulaiman"};
static const char *const sy_f[] = {"Rania", "Lina", "Hiba", "Noor", "Reem", "Amal", "Dima", "Huda", "Rasha",
                                   "Maysa"};
static const char *const sy_m[] = {"Omar", "Khaled", "Ahmad", "Mahmoud", "Samer", "Tarek", "Hussam", "Yousef",
                                   "Bassel", "Fadi"};
static const char *const sy_f2[] = {"Maya", "Joudi", "Sham", "Rahaf", "Tala", "Layan", "Aya", "Sidra"};
static const char *const sy_m2[] = {"Karam", "Mohammad", "Ghaith", "Majd", "Hadi", "Zain", "Amir", "Laith"};

static const char *const er_family[] = {"Tesfay", "Kidane", "Haile", "Gebremedhin", "Tekle", "Berhane", "Woldu",
                                        "Ghebreyesus", "Habte", "Asmerom"};
static const char *const er_f[] = {"Senait", "Helen", "Selam", "Ruth", "Mebrat", "Feven", "Luwam", "Saba",
                                   "Yordanos"};
static const char *const er_m[] = {"Yonas", "Dawit", "Samuel", "Filmon", "Biniam", "Michael", "Tesfalem",
                                   "Robel", "Aron"};

static const char *const pl_family[] = {"Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk", "Woźniak",
                                        "Dudek", "Pawlak", "Michalak", "Sikora"};
static const char *const pl_f[] = {"Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Anna", "Ewa", "Monika",
                                   "Aleksandra"};
static const char *const pl_m[] = {"Piotr", "Tomasz", "Marcin", "Paweł", "Krzysztof", "Łukasz", "Michał",
                                   "Jakub"};

static const char *const cw_family[] = {"Martina", "Rosario", "Isenia", "Pietersz", "Doran", "Sambo",
                                        "Koeiman", "Ramdin", "Mahabier", "Pinas", "Wix", "Felida"};
static const char *const cw_f[] = {"Shirley", "Jessica", "Gisela", "Melany", "Kimberley", "Chantal", "Sharon",
                                   "Naomi"};
static const char *const cw_m[] = {"Jurgen", "Ricardo", "Roy", "Kenneth", "Dwayne", "Rodney", "Giovanni",
                                   "Shurwen"};

static const char *const ua_family[] = {"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk",
                                        "Kravchenko", "Boyko", "Savchenko"};
static const char *const ua_f[] = {"Olena", "Iryna", "Oksana", "Natalia", "Yulia", "Tetiana", "Svitlana",
                                   "Kateryna"};
static const char *const ua_m[] = {"Oleksandr", "Andrii", "Serhii", "Dmytro", "Vasyl", "Mykola", "Bohdan",
                                   "Maksym"};

#define POOL(w, fam, f0, m0, f1, m1, f2, m2, rec)                                                                      \
    {w, fam, N(fam), {{f0, m0}, {f1, m1}, {f2, m2}}, {{N(f0), N(m0)}, {N(f1), N(m1)}, {N(f2), N(m2)}}, rec}

static const name_pool pools[] = {
    POOL(56, nl_family, nl_f0, nl_m0, nl_f1, nl_m1, nl_f2, nl_m2, false),
    POOL(8, tr_family, tr_f, tr_m, tr_f, tr_m, tr_f2, tr_m2, false),
    POOL(7, ma_family, ma_f, ma_m, ma_f, ma_m, ma_f2, ma_m2, false),
    POOL(7, sy_family, sy_f, sy_m, sy_f, sy_m, sy_f2, sy_m2, true),
    POOL(6, er_family, er_f, er_m, er_f, er_m, er_f, er_m, true),
    POOL(5, pl_family, pl_f, pl_m, pl_f, pl_m, pl_f, pl_m, false),
    POOL(6, cw_family, cw_f, cw_m, cw_f, cw_m, cw_f, cw_m, false),
    POOL(5, ua_family, ua_f, ua_m, ua_f, ua_m, ua_f, ua_m, true),
};

static const name_pool *pick_pool(demo_rng *r)
{
    int x = demo_rng_int(r, 0, 99);
    for (size_t i = 0; i < sizeof pools / sizeof pools[0]; i++) {
        if (x < pools[i].weight)
            return &pools[i];
        x -= pools[i].weight;
    }
    return &pools[0];
}

static const char *pick_given(demo_rng *r, const name_pool *p, int birth_year, bool female)
{
    int gen = birth_year < 1960 ? 0 : birth_year < 1990 ? 1 : 2;
    int sex = female ? 0 : 1;
    return p->given[gen][sex][demo_rng_int(r, 0, p->n_given[gen][sex] - 1)];
}

char *demo_capitalise(arena *a, const char *family_name)
{
    char *s = arena_strdup(a, family_name);
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* ---- households ------------------------------------------------------------------------------------------------- */

static void set_birth(demo_rng *r, wt_date today, int age, demo_person *p)
{
    /* Born `age` years before today, on a random earlier day of that year of life. */
    wt_date d = date_add_days(today, -(long)age * 365 - age / 4 - demo_rng_int(r, 1, 364));
    date_format(d, p->birth_date);
}

static char *email_of(arena *a, const char *given, const char *family, int n)
{
    char *folded = text_fold(a, arena_printf(a, "%s.%s", given, family));
    size_t j = 0;
    for (size_t i = 0; folded[i]; i++) {
        char ch = folded[i];
        if ((ch >= 'a' && ch <= 'z') || ch == '.')
            folded[j++] = ch;
    }
    folded[j] = '\0';
    return n ? arena_printf(a, "%s%d@example.com", folded, n) : arena_printf(a, "%s@example.com", folded);
}

static void add_member(demo_rng *r, arena *a, wt_date today, const name_pool *pool, demo_household *h,
                       const char *family, int age, bool female, bool adult)
{
    if (h->n_members >= DEMO_MAX_MEMBERS)
        return;
    demo_person *p = &h->members[h->n_members++];
    memset(p, 0, sizeof *p);
    set_birth(r, today, age, p);
    p->given_name = pick_given(r, pool, today.y - age, female);
    p->family_name = family;
    p->female = female;
    p->adult = adult;
    if (adult && demo_rng_chance(r, 60))
        p->phone = arena_printf(a, "06-%08d", demo_rng_int(r, 10000000, 99999999));
    if (adult && demo_rng_chance(r, 30))
        p->email = email_of(a, p->given_name, family, demo_rng_chance(r, 40) ? demo_rng_int(r, 1, 99) : 0);
    p->is_volunteer = adult && demo_rng_chance(r, 6);
    p->is_new_resident = demo_rng_chance(r, pool->recent ? 45 : 4);
}

static demo_hh_kind pick_kind(demo_rng *r)
{
    static const int weights[] = {30, 14, 14, 8, 22, 12};
    int x = demo_rng_int(r, 0, 99);
    for (int k = 0; k < 6; k++) {
        if (x < weights[k])
            return (demo_hh_kind)k;
        x -= weights[k];
    }
    return DEMO_HH_SINGLE;
}

static void add_children(demo_rng *r, arena *a, wt_date today, const name_pool *pool, demo_household *h,
                         const char *family, int parent_age, int n)
{
    int max_age = parent_age - 19 < 20 ? parent_age - 19 : 20;
    for (int i = 0; i < n; i++) {
        int age = demo_rng_int(r, 0, max_age > 0 ? max_age : 0);
        add_member(r, a, today, pool, h, family, age, demo_rng_chance(r, 50), age >= 18);
    }
}

void demo_household_make(demo_rng *r, arena *a, wt_date today, uint64_t bsn_seed, uint64_t *bsn_next,
                         demo_household *out)
{
    memset(out, 0, sizeof *out);
    const name_pool *pool = pick_pool(r);
    const char *family = pool->family[demo_rng_int(r, 0, pool->n_family - 1)];
    const char *partner_family = demo_rng_chance(r, 35) ? family : pool->family[demo_rng_int(r, 0, pool->n_family - 1)];
    demo_hh_kind kind = pick_kind(r);
    out->kind = kind;
    int age;
    switch (kind) {
    case DEMO_HH_SINGLE:
        add_member(r, a, today, pool, out, family, demo_rng_int(r, 19, 64), demo_rng_chance(r, 45), true);
        break;
    case DEMO_HH_ELDERLY_ALONE:
        add_member(r, a, today, pool, out, family, demo_rng_int(r, 72, 96), demo_rng_chance(r, 75), true);
        break;
    case DEMO_HH_COUPLE:
        age = demo_rng_int(r, 22, 64);
        add_member(r, a, today, pool, out, family, age, false, true);
        add_member(r, a, today, pool, out, partner_family, age + demo_rng_int(r, -6, 3), true, true);
        break;
    case DEMO_HH_ELDERLY_COUPLE:
        age = demo_rng_int(r, 68, 90);
        add_member(r, a, today, pool, out, family, age, false, true);
        add_member(r, a, today, pool, out, partner_family, age - demo_rng_int(r, 0, 5), true, true);
        out->members[1].is_informal_carer = demo_rng_chance(r, 35);
        break;
    case DEMO_HH_FAMILY: {
        age = demo_rng_int(r, 27, 52);
        int mother = age - demo_rng_int(r, 0, 5);
        add_member(r, a, today, pool, out, family, age, false, true);
        add_member(r, a, today, pool, out, partner_family, mother, true, true);
        add_children(r, a, today, pool, out, family, mother, demo_rng_int(r, 1, demo_rng_chance(r, 20) ? 5 : 3));
        break;
    }
    case DEMO_HH_SINGLE_PARENT: {
        bool mother = demo_rng_chance(r, 85);
        age = demo_rng_int(r, 21, 50);
        add_member(r, a, today, pool, out, family, age, mother, true);
        add_children(r, a, today, pool, out, demo_rng_chance(r, 70) ? family : partner_family, age,
                     demo_rng_int(r, 1, 3));
        break;
    }
    }
    for (int i = 0; i < out->n_members; i++) {
        demo_person *p = &out->members[i];
        if (demo_rng_chance(r, 88)) {
            demo_bsn(bsn_seed, (*bsn_next)++, p->bsn);
        }
        /* A household arrived together, or not at all. */
        p->is_new_resident = out->members[0].is_new_resident;
    }
    out->name = arena_printf(a, "Huishouden %s", demo_capitalise(a, out->members[0].family_name));
}

/* ---- addresses -------------------------------------------------------------------------------------------------- */

#define PAIRS_BEFORE_S (18 * 26)
#define PAIRS_WITH_S 23

void demo_postcode_letters(int index, char out[3])
{
    static const char s_second[] = "BCEFGHIJKLMNOPQRTUVWXYZ"; /* not A, D or S after S */
    index %= 26 * 26 - 3;
    if (index < PAIRS_BEFORE_S) {
        out[0] = (char)('A' + index / 26);
        out[1] = (char)('A' + index % 26);
    } else if (index < PAIRS_BEFORE_S + PAIRS_WITH_S) {
        out[0] = 'S';
        out[1] = s_second[index - PAIRS_BEFORE_S];
    } else {
        index -= PAIRS_BEFORE_S + PAIRS_WITH_S;
        out[0] = (char)('T' + index / 26);
        out[1] = (char)('A' + index % 26);
    }
    out[2] = '\0';
}

int demo_street_size(const demo_street *s)
{
    return s->flats ? s->numbers * 4 : s->numbers;
}

bool demo_street_address(const demo_street *s, int index, demo_addr *out)
{
    if (index < 0 || index >= demo_street_size(s))
        return false;
    memset(out, 0, sizeof *out);
    out->street = s->name;
    if (s->flats) {
        out->house_number = index / 4 + 1;
        snprintf(out->addition, sizeof out->addition, "%d", index % 4 + 1);
    } else {
        out->house_number = index + 1;
        if (out->house_number % 9 == 0)
            out->house_letter[0] = 'A';
    }
    /* Per block of forty numbers: one postcode for the odd side, one for the even side. */
    int group = ((out->house_number - 1) / 40) * 2 + (out->house_number % 2 == 0);
    char letters[3];
    demo_postcode_letters(s->first_letters + group, letters);
    snprintf(out->postcode, sizeof out->postcode, "%.4s%s", s->pc4, letters);
    return true;
}

static const char *const themes[][12] = {
    {"Merel", "Lijster", "Kievit", "Grutto", "Reiger", "Zwaluw", "Spreeuw", "Vink", "Koolmees", "Specht",
     "Wielewaal", "Roek"},
    {"Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Mondriaan", "Escher", "Alma Tadema", "Israëls", "Mesdag",
     "Breitner", "Ruisdael", "Hobbema"},
    {"Wirdum", "Goutum", "Grou", "Jirnsum", "Stiens", "Marrum", "Hijum", "Wergea", "Reduzum", "Jelsum", "Cornjum",
     "Lekkum"},
    {"Rozen", "Tulpen", "Narcissen", "Lelie", "Irissen", "Krokus", "Anjer", "Violieren", "Dahlia", "Aster",
     "Margrieten", "Klaproos"},
    {"Multatuli", "Vondel", "Bredero", "Hooft", "Couperus", "Gorter", "Slauerhoff", "Vestdijk", "Troelstra",
     "Gysbert Japicx", "Halbertsma", "Kalma"},
    {"Vlieland", "Ameland", "Terschelling", "Schiermonnikoog", "Texel", "Griend", "Rottum", "Noorderhaaks",
     "Fluessen", "Sneekermeer", "Tjeukemeer", "Slotermeer"},
    {"Orion", "Pegasus", "Andromeda", "Sirius", "Vega", "Castor", "Pollux", "Lyra", "Perseus", "Cassiopeia",
     "Draco", "Aquila"},
    {"Bach", "Mozart", "Beethoven", "Chopin", "Händel", "Haydn", "Schubert", "Verdi", "Grieg", "Sweelinck",
     "Diepenbrock", "Röntgen"},
    {"Salie", "Tijm", "Rozemarijn", "Munt", "Lavendel", "Kamille", "Dille", "Basilicum", "Venkel", "Kervel",
     "Bieslook", "Lavas"},
    {"Eiken", "Beuken", "Linden", "Iepen", "Essen", "Elzen", "Kastanje", "Populieren", "Lariks", "Hazelaar",
     "Meidoorn", "Vlier"},
};
static const char *const theme_names[] = {"Vogelbuurt",   "Schildersbuurt", "Dorpenbuurt",    "Bloemenbuurt",
                                          "Schrijversbuurt", "Eilandenbuurt", "Sterrenbuurt", "Componistenbuurt",
                                          "Kruidenbuurt", "Bomenbuurt"};
static const char *const suffixes[] = {"straat", "laan", "weg", "plein", "hof", "pad", "singel", "dreef", "kade",
                                       "erf"};
static const char *const quarters[] = {"Noord", "Zuid", "Oost", "West", "Midden"};

#define N_THEMES (int)(sizeof themes / sizeof themes[0])

const char *demo_city_street(arena *a, int neighbourhood, int street)
{
    int combo = (neighbourhood * 10 + street) % (N_THEMES * 12 * 10);
    int theme = neighbourhood % N_THEMES;
    int stem = (combo / 10) % 12;
    int suffix = (street + neighbourhood / N_THEMES) % 10;
    const char *s = themes[theme][stem];
    /* Two-word stems get a separate suffix word as in "Frans Halsstraat": written together all the same. */
    return arena_printf(a, "%s%s", s, suffixes[suffix]);
}

const char *demo_city_neighbourhood_name(arena *a, int neighbourhood)
{
    int theme = neighbourhood % N_THEMES;
    int round = neighbourhood / N_THEMES;
    if (round < 5)
        return arena_printf(a, "%s-%s", theme_names[theme], quarters[round]);
    return arena_printf(a, "%s %d", theme_names[theme], round - 3);
}

/* ---- plan texts ------------------------------------------------------------------------------------------------- */

const demo_goal_tpl demo_goals[] = {
    {"money", DEMO_FIT_ANY, "Betalingsachterstanden en brieven van de deurwaarder",
     "Huurachterstand van drie maanden, post blijft ongeopend liggen.",
     "Wil het zelf weer op orde krijgen en durft er nu over te praten.",
     "Binnen een half jaar geen nieuwe achterstanden en een overzicht van alle schulden.",
     {{"self", "Elke week de post openen en in de map leggen", NULL},
      {"volunteer", "Samen de administratie op orde brengen, één keer per week", "Humanitas Thuisadministratie"},
      {"team", "Betalingsregeling met Elkien afspreken", NULL},
      {"second_line", "Aanmelden voor schuldhulpverlening", "Schuldhulpverlening gemeente Leeuwarden"}}},
    {"money", DEMO_FIT_WORKING_AGE, "Geen overzicht over inkomsten en uitgaven",
     "Toeslagen worden teruggevorderd; het inkomen wisselt per maand.",
     "Heeft een vaste baan en een broer die goed is met geld.",
     "Elke maand weten wat er binnenkomt en wat er uitgaat.",
     {{"self", "Een kasboekje bijhouden met de app van het Nibud", NULL},
      {"network", "Helpt met het aanvragen van een betalingsregeling bij de Belastingdienst", "Broer"},
      {"volunteer", "Budgetcursus in het wijkcentrum volgen", "SchuldHulpMaatje Leeuwarden"},
      {"team", "Toeslagen samen controleren en wijzigingen doorgeven", NULL}}},
    {"housing", DEMO_FIT_ANY, "Overlast en dreigende ontruiming",
     "Klachten van buren over geluid; de verhuurder dreigt met een ontruimingsprocedure.",
     "Is gehecht aan de buurt en wil graag blijven wonen.",
     "De woning behouden en afspraken met de buren nakomen.",
     {{"self", "Na tien uur 's avonds geen muziek meer", NULL},
      {"team", "Buurtbemiddeling inschakelen en een gesprek met de buren voorbereiden", NULL},
      {"volunteer", "Bemiddelingsgesprek met de buren leiden", "Buurtbemiddeling Leeuwarden"},
      {"second_line", "Afspraken vastleggen in een gedragsaanwijzing", "Elkien, afdeling wonen"}}},
    {"housing", DEMO_FIT_ELDERLY, "Woning past niet meer bij de gezondheid",
     "Kan de trap naar de slaapkamer niet meer op en slaapt in de stoel.",
     "Heeft een dochter in de buurt die dagelijks langskomt.",
     "Veilig en gelijkvloers wonen, liefst in de eigen wijk.",
     {{"network", "Gaat mee naar de woningcorporatie voor een urgentieaanvraag", "Dochter"},
      {"team", "Wmo-aanvraag voor een traplift of verhuiskostenvergoeding", NULL},
      {"second_line", "Advies over aanpassingen in huis", "Ergotherapie Noord"},
      {"self", "Woningen bekijken op de website van de corporatie", NULL}}},
    {"work", DEMO_FIT_WORKING_AGE, "Langdurig zonder werk, wil weer aan de slag",
     "Al vier jaar in de bijstand; voelt zich nutteloos en blijft veel binnen.",
     "Handig met hout en fietsen; was vroeger vrijwilliger bij de voetbalclub.",
     "Binnen een jaar vrijwilligerswerk of een werkervaringsplek van twee dagdelen per week.",
     {{"self", "Drie plekken uitzoeken die hem aanspreken", NULL},
      {"volunteer", "Meelopen in de fietsenwerkplaats van het wijkcentrum", "Fietsenwerkplaats De Spaak"},
      {"team", "Gesprek met de werkcoach van de gemeente regelen", NULL},
      {"second_line", "Traject naar werk", "Werkplein Fryslân"}}},
    {"work", DEMO_FIT_WORKING_AGE, "Wil Nederlands leren om werk te vinden",
     "Spreekt nog weinig Nederlands; inburgering loopt achter.",
     "Leert snel, spreekt Arabisch en Engels, was kapper in het land van herkomst.",
     "Taalniveau A2 halen en een stageplek bij een kapsalon vinden.",
     {{"self", "Elke dag een half uur oefenen met de taalapp", NULL},
      {"volunteer", "Wekelijks oefengesprek met een taalmaatje", "Taalmaatje VluchtelingenWerk"},
      {"team", "Contact leggen met kapsalons in de wijk", NULL},
      {"second_line", "Inburgeringsles op niveau A2", "Taalschool ROC Friese Poort"}}},
    {"health", DEMO_FIT_ANY, "Somberheid en slecht slapen",
     "Slaapt slecht sinds het overlijden van de partner; eet onregelmatig.",
     "Wandelt graag en heeft een goede band met de huisarts.",
     "Weer een dagritme en iemand om mee te praten.",
     {{"self", "Elke ochtend een wandeling rond de vijver in het park", NULL},
      {"network", "Eén keer per week samen koken", "Vriendin van de kerk"},
      {"team", "Samen met de POH-GGZ van de huisarts de klachten bespreken", NULL},
      {"second_line", "Rouwverwerking bij een psycholoog", "GGZ Friesland"}}},
    {"health", DEMO_FIT_WORKING_AGE, "Alcoholgebruik loopt uit de hand",
     "Drinkt dagelijks; heeft al twee keer de huur niet betaald.",
     "Wil het zelf veranderen voor zijn kinderen; heeft eerder een jaar niet gedronken.",
     "Minder drinken en de afspraken met de verslavingszorg nakomen.",
     {{"self", "Een drinkdagboek bijhouden", NULL},
      {"network", "Gaat mee naar de eerste afspraak", "Zus"},
      {"team", "Aanmelding bij de verslavingszorg begeleiden", NULL},
      {"second_line", "Ambulante behandeling", "Verslavingszorg Noord Nederland"}}},
    {"care", DEMO_FIT_ELDERLY, "Redt het alleen thuis niet meer goed",
     "Vergeet medicijnen, het huis raakt vervuild, is onlangs gevallen.",
     "Wil zelfstandig blijven wonen; de buurvrouw kijkt al om naar haar.",
     "Veilig thuis blijven wonen met hulp bij het huishouden en de medicijnen.",
     {{"network", "Dagelijks even aanbellen en de post binnenbrengen", "Buurvrouw"},
      {"team", "Wmo-indicatie voor hulp bij het huishouden aanvragen", NULL},
      {"second_line", "Medicijnrol en wijkverpleging", "Thuiszorg Het Friese Land"},
      {"volunteer", "Wekelijks bezoek van een maatje", "Buurtmaatje van het wijkcentrum"}}},
    {"care", DEMO_FIT_ANY, "Mantelzorger raakt overbelast",
     "Zorgt alleen voor een zieke partner en komt zelf nergens meer aan toe.",
     "Doet het met liefde en heeft twee kinderen die willen helpen.",
     "Eén dag per week vrij van zorg en een plan voor als het misgaat.",
     {{"self", "Eén middag per week iets voor zichzelf plannen", NULL},
      {"network", "Om de week op zaterdag de zorg overnemen", "Zoon"},
      {"volunteer", "Respijtzorg door een vrijwilliger", "Steunpunt Mantelzorg Leeuwarden"},
      {"team", "Een noodplan maken met de hele familie", NULL}}},
    {"youth", DEMO_FIT_CHILDREN, "Zorgen over opvoeding en schoolverzuim",
     "De oudste zoon gaat vaak niet naar school; thuis is er veel ruzie.",
     "Moeder is betrokken en zoekt zelf hulp; de kinderen sporten graag.",
     "Alle kinderen gaan weer naar school en er is minder ruzie thuis.",
     {{"self", "Elke ochtend samen ontbijten en op tijd vertrekken", NULL},
      {"team", "Overleg met de mentor en de leerplichtambtenaar", NULL},
      {"volunteer", "Huiswerkbegeleiding in het buurthuis", "Huiswerkklas Heechterp"},
      {"second_line", "Gezinsbegeleiding thuis", "Jeugdhulp Friesland"}}},
    {"youth", DEMO_FIT_CHILDREN, "Alleenstaande ouder met weinig steun",
     "Staat er alleen voor met de kinderen en komt aan niets anders toe.",
     "Heeft een goed contact met de kinderen en een moeder in Drachten.",
     "Een netwerk om op terug te vallen en tijd voor zichzelf.",
     {{"network", "Eén weekend per maand logeren de kinderen bij oma", "Moeder (oma van de kinderen)"},
      {"volunteer", "Gezinsmaatje twee uur per week", "Home-Start Leeuwarden"},
      {"team", "Aanmelden voor de sportclub via het Jeugdfonds Sport & Cultuur", NULL},
      {"self", "Contact leggen met andere ouders op het schoolplein", NULL}}},
    {"youth", DEMO_FIT_CHILDREN, "Spanningen thuis na de scheiding",
     "Ouders zijn gescheiden; de kinderen zitten klem tussen beide ouders.",
     "Beide ouders willen het beste voor de kinderen.",
     "Een ouderschapsplan waar beide ouders zich aan houden.",
     {{"self", "Afspraken over de omgang opschrijven", NULL},
      {"team", "Gesprek met beide ouders samen", NULL},
      {"second_line", "Scheidingsbemiddeling", "Fier Fryslân"},
      {"network", "Brengt de kinderen naar vader op woensdag", "Opa"}}},
    {"participation", DEMO_FIT_ANY, "Eenzaam, weinig contact met anderen",
     "Komt de deur bijna niet uit; de kinderen wonen ver weg.",
     "Is vriendelijk en nieuwsgierig; kon vroeger goed kaarten.",
     "Twee keer per week onder de mensen.",
     {{"self", "Naar de koffieochtend in het wijkcentrum op dinsdag", NULL},
      {"volunteer", "Haalt haar op voor de kaartmiddag", "Buurtmaatje van het wijkcentrum"},
      {"network", "Belt elke zondag", "Dochter (woont in Utrecht)"},
      {"team", "Kennismaken met de buurtvereniging", NULL}}},
    {"participation", DEMO_FIT_ANY, "Nieuw in de wijk en de weg nog niet kennen",
     "Woont sinds kort in de wijk en kent nog niemand; weet niet waar hij met vragen terecht kan.",
     "Wil graag iets doen voor de buurt.",
     "De weg weten in de wijk en een vaste bezigheid.",
     {{"team", "Welkomstbezoek en uitleg over de voorzieningen in de wijk", NULL},
      {"self", "Meedoen met de buurtbarbecue in juni", NULL},
      {"volunteer", "Rondleiding door de wijk met een buurtbewoner", "Bewonersvereniging Heechterp-Schieringen"},
      {"network", "Neemt hem mee naar de moskee en de sportschool", "Neef"}}},
    {"health", DEMO_FIT_ELDERLY, "Beginnende vergeetachtigheid",
     "Vergeet afspraken en raakt soms de weg kwijt in de wijk.",
     "Heeft een vaste structuur en een zoon die betrokken is.",
     "Duidelijkheid over de klachten en veilig thuis blijven.",
     {{"network", "Gaat mee naar de huisarts voor een onderzoek", "Zoon"},
      {"team", "Dagstructuur op papier zetten en een kalender ophangen", NULL},
      {"second_line", "Onderzoek bij de geheugenpoli", "Geriatrie MCL"},
      {"volunteer", "Wekelijkse wandeling met een vrijwilliger", "Alzheimer Nederland, afdeling Friesland"}}},
};
const int demo_goals_n = N(demo_goals);

static bool has_children(const demo_household *h)
{
    for (int i = 0; i < h->n_members; i++)
        if (!h->members[i].adult)
            return true;
    return false;
}

bool demo_goal_fits(const demo_goal_tpl *g, const demo_household *h, wt_date today)
{
    wt_date birth;
    int age = 40;
    if (h->n_members > 0 && date_parse(h->members[0].birth_date, &birth))
        age = date_age(birth, today);
    switch (g->fits) {
    case DEMO_FIT_CHILDREN:
        return has_children(h);
    case DEMO_FIT_ELDERLY:
        return age >= 66;
    case DEMO_FIT_WORKING_AGE:
        return age >= 18 && age < 67;
    default:
        return true;
    }
}

const char *const demo_strengths[] = {
    "Open over wat er speelt en houdt zich aan afspraken.",
    "Een betrokken familie; de kinderen doen het goed op school.",
    "Kent veel mensen in de straat en helpt zelf graag anderen.",
    "Doorzetter: heeft eerder zelf een moeilijke periode overwonnen.",
    "Goede band met de huisarts en de school.",
    "Praktisch ingesteld, handig en creatief.",
    "Gelovig en actief in de moskee; daar is steun.",
    "Humor en veerkracht; vraagt zelf om hulp als het nodig is.",
    "Spreekt drie talen en tolkt voor buren.",
    "Sportief; traint twee keer per week bij de voetbalclub.",
};
const int demo_strengths_n = N(demo_strengths);

const demo_contact_tpl demo_contacts[] = {
    {"visit", 60, "Huisbezoek: samen de stapel post doorgenomen en gesorteerd. Afspraak gemaakt voor volgende week."},
    {"visit", 45, "Huisbezoek: kennismaking met het hele gezin. Wensen en zorgen in kaart gebracht."},
    {"visit", 90, "Huisbezoek met de wijkverpleegkundige: situatie thuis bekeken, valrisico besproken."},
    {"phone", 15, "Telefonisch contact: afspraak bij de schuldhulp gaat door, bewoner gaat zelf."},
    {"phone", 10, "Gebeld: het gaat beter, de betalingsregeling loopt. Over een maand weer contact."},
    {"phone", 20, "Bewoner belde zelf: brief van de deurwaarder ontvangen, morgen langs om mee te kijken."},
    {"meeting", 60, "Overleg met school en ouders over het verzuim; afspraken over begeleiding gemaakt."},
    {"meeting", 75, "Netwerkberaad met familie en buren: wie doet wat in de komende maanden."},
    {"meeting", 45, "Plan besproken en ondertekend; bewoner is tevreden over de afspraken."},
    {"other", 20, "Samen naar het Werkplein voor het gesprek met de werkcoach."},
    {"visit", 30, "Niet thuis getroffen; briefje achtergelaten met een nieuwe afspraak."},
    {"phone", 10, "Herinnering gestuurd voor de afspraak bij de huisarts."},
};
const int demo_contacts_n = N(demo_contacts);

const demo_question_tpl demo_questions[] = {
    {"question", "walk_in", "Ik krijg steeds brieven van het CJIB en weet niet meer wat ik moet betalen.",
     "Samen de brieven bekeken; doorverwezen naar het spreekuur van de thuisadministratie."},
    {"question", "phone", "Mijn moeder woont alleen en vergeet de laatste tijd veel. Wie kan er eens langsgaan?",
     "Huisbezoek gedaan; de situatie is voorlopig stabiel, de dochter belt terug als het verslechtert."},
    {"question", "outreach", "Tijdens de wijkronde: meneer vertelt dat hij sinds de dood van zijn vrouw niemand meer ziet.",
     "Uitgenodigd voor de koffieochtend; hij is twee keer geweest."},
    {"question", "web", "Hoe vraag ik een traplift aan? Ik kan de trap bijna niet meer op.",
     "Uitleg gegeven over de Wmo-aanvraag; het formulier samen ingevuld."},
    {"question", "walk_in", "Mijn zoon wil niet meer naar school en ik weet niet wat ik moet doen.",
     "Gesprek met moeder en de mentor geregeld."},
    {"question", "phone", "De buren maken elke nacht lawaai, ik slaap al weken slecht.",
     "Doorverwezen naar Buurtbemiddeling."},
    {"question", "email", "Wij zijn net uit Oekraïne gekomen. Waar kunnen de kinderen naar school?",
     "Aangemeld bij de taalklas; welkomstbezoek afgesproken."},
    {"idea", "walk_in", "Kunnen we in de zomer een buurtbarbecue houden op het grasveld bij de flats?",
     "Samen met de bewonersvereniging opgepakt; de barbecue is gepland."},
    {"idea", "web", "Ik wil graag een moestuin beginnen op het braakliggende stuk aan de Esdoornstraat.",
     "Idee doorgegeven aan de gemeente en de corporatie; er komt een gesprek."},
    {"idea", "outreach", "Moeders op het schoolplein willen een wekelijkse koffieochtend voor nieuwe ouders.",
     "Ruimte in het wijkcentrum geregeld."},
    {"offer", "walk_in", "Ik ben gepensioneerd boekhouder en wil graag buren helpen met hun administratie.",
     "Gekoppeld aan de thuisadministratie; hij helpt nu twee huishoudens."},
    {"offer", "phone", "Ik heb een auto en tijd; ik kan mensen naar het ziekenhuis brengen.",
     "Aangemeld bij de vrijwillige vervoersdienst."},
    {"offer", "web", "Ik spreek Tigrinya en Nederlands en wil graag tolken voor nieuwe buren.",
     "Opgenomen in de lijst van taalmaatjes."},
    {"question", "outreach", "Een bewoner van de flat zegt dat de benedenbuurvrouw al dagen niet opendoet.",
     "Direct langsgegaan met de wijkagent; mevrouw was in het ziekenhuis opgenomen."},
    {"question", "walk_in", "Ik ben mijn baan kwijt en kan de huur volgende maand niet betalen.",
     "Uitkering aangevraagd en contact gelegd met de verhuurder."},
    {"question", "phone", "Ik zorg voor mijn zieke man en ik kan niet meer.",
     "Steunpunt Mantelzorg ingeschakeld; respijtzorg geregeld."},
};
const int demo_questions_n = N(demo_questions);

const demo_close_tpl demo_closes[] = {
    {"goals_achieved", "De doelen zijn bereikt: geen nieuwe achterstanden, de administratie loopt."},
    {"referred_second_line", "Overgedragen aan de GGZ; het wijkteam blijft op de achtergrond betrokken."},
    {"moved_away", "Het gezin is verhuisd naar Drachten; warme overdracht aan het team daar."},
    {"no_longer_needed", "De bewoner redt het weer zelf met hulp van zijn netwerk."},
    {"resident_withdrew", "Bewoner wil op dit moment geen hulp; hij weet ons te vinden."},
};
const int demo_closes_n = N(demo_closes);

const char *const demo_handover_reasons[] = {
    "Zwangerschapsverlof; de collega neemt het over tot na de zomer.",
    "De vraag gaat nu vooral over opvoeding: beter bij de jongerenwerker.",
    "Andere verdeling van de caseload in het team.",
    "Bewoner spreekt Arabisch; de intercultureel werker kan direct met haar praten.",
    "De zorg staat voorop: de wijkverpleegkundige neemt de regie.",
};
const int demo_handover_reasons_n = N(demo_handover_reasons);

const char *const demo_member_reasons[] = {
    "Denkt mee over de schulden; gaat mee naar het eerste gesprek met de schuldhulp.",
    "Tweede gesprek samen met de regisseur: de bewoner wil een vrouwelijke hulpverlener erbij.",
    "Kent de familie uit het buurthuis en legt contact met de oudste zoon.",
    "Vervangt de regisseur tijdens haar verlof.",
    "Spreekt de taal van de moeder; tolkt bij de gesprekken.",
    "Jongerenwerk: begeleidt de dochter naar de sportclub.",
};
const int demo_member_reasons_n = N(demo_member_reasons);

const char *const demo_member_reasons_leader[] = {
    "Zorgen over de veiligheid van de kinderen: de teamleider volgt de casus.",
    "Intervisie: de regisseur vroeg de teamleider mee te kijken.",
    "Klacht van de bewoner over de aanpak; de teamleider bespreekt die met het gezin.",
};
const int demo_member_reasons_leader_n = N(demo_member_reasons_leader);
