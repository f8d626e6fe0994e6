/*
 * om_limit.c: the oral-messages recursion OM(m) of Lamport, Shostak and Pease
 * (1982) written as leanly as C allows, to measure how fast the Swift engine
 * could be on the same work. `strategos-bench om N M` runs the same workload:
 * n generals (commander 0, lieutenants 1..n-1), OM(m), faulty generals that
 * flip every value they send, a loyal commander ordering attack, a majority
 * at every level with a tie going to retreat (the default). Nothing else is
 * done: no trace, no names, no fault rules to look up, no allocation after
 * start-up, so the time is the recursion and its tallies alone, the floor the
 * engine's hot path is held to (within 2x, timed in the same minute, since
 * the machines are shared and noisy).
 *
 *   cc -O2 -o om_limit om_limit.c && ./om_limit 25 5          # traitors L1..L5
 *   ./om_limit 25 5 3 7                                      # traitors L3 and L7
 *
 * It prints the messages sent, the fastest time of runs repeated for at least
 * a fifth of a second (as the Swift bench does), and whether every loyal
 * lieutenant decided the same value (IC1) and, under a loyal commander, the
 * order (IC2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { RETREAT = 0, ATTACK = 1, MAX_GENERALS = 64 };

static int faulty[MAX_GENERALS];
static long long messages;

/* What `sender` sends when it holds `value`: a faulty general flips it. */
static inline int sent(int sender, int value) { return faulty[sender] ? !value : value; }

/*
 * OM(m) with `commander` holding `value` and the lieutenants `group[0..k)`:
 * writes each lieutenant's decision to `decided[0..k)`, indexed like `group`.
 * Each level keeps its arrays on the stack: the depth is m + 1, at most n.
 */
static void om(int commander, int value, int m, const int *group, int k, int *decided) {
    int received[MAX_GENERALS];
    for (int i = 0; i < k; i++) received[i] = sent(commander, value);
    messages += k;
    if (m == 0) {
        for (int i = 0; i < k; i++) decided[i] = received[i];
        return;
    }
    /* attacks[j]: the votes for attack lieutenant j has, its own value first. */
    int attacks[MAX_GENERALS];
    for (int j = 0; j < k; j++) attacks[j] = received[j];
    int others[MAX_GENERALS], relayed[MAX_GENERALS];
    for (int i = 0; i < k; i++) {
        /* Lieutenant i relays its value to the others by OM(m - 1). */
        int count = 0;
        for (int j = 0; j < k; j++) if (j != i) others[count++] = group[j];
        om(group[i], received[i], m - 1, others, count, relayed);
        for (int j = 0, r = 0; j < k; j++) if (j != i) attacks[j] += relayed[r++];
    }
    /* k votes each; attack needs more than half, so a tie retreats. */
    for (int j = 0; j < k; j++) decided[j] = 2 * attacks[j] > k ? ATTACK : RETREAT;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 0, m = argc > 2 ? atoi(argv[2]) : -1;
    if (argc < 3 || n < 3 || n > MAX_GENERALS || m < 0 || m > n - 2) {
        fprintf(stderr, "usage: om_limit N M [TRAITOR...]  (3 <= N <= %d, 0 <= M <= N - 2; traitors default to 1..M)\n", MAX_GENERALS);
        return 64;
    }
    for (int i = 3; i < argc; i++) {
        int general = atoi(argv[i]);
        if (general < 0 || general >= n) {
            fprintf(stderr, "om_limit: no general %s in an army of %d\n", argv[i], n);
            return 64;
        }
        faulty[general] = 1;
    }
    for (int i = 1; argc == 3 && i <= m; i++) faulty[i] = 1;

    int group[MAX_GENERALS], decided[MAX_GENERALS];
    for (int i = 1; i < n; i++) group[i - 1] = i;
    double fastest = 1e300, start = now();
    int runs = 0;
    long long perRun = 0;
    while (runs < 3 || now() - start < 0.2) {
        messages = 0;
        double before = now();
        om(0, ATTACK, m, group, n - 1, decided);
        double elapsed = now() - before;
        if (elapsed < fastest) fastest = elapsed;
        perRun = messages;
        runs++;
    }
    int agreement = 1, validity = 1, first = -1;
    for (int i = 0; i < n - 1; i++) {
        if (faulty[group[i]]) continue;
        if (first < 0) first = decided[i];
        if (decided[i] != first) agreement = 0;
        if (!faulty[0] && decided[i] != ATTACK) validity = 0;
    }
    printf("C %4d %3d %13lld %12.6f %12.0f   IC1 %s, IC2 %s\n", n, m, perRun, fastest, (double)perRun / fastest,
           agreement ? "holds" : "broken", validity ? "holds" : "broken");
    return 0;
}
