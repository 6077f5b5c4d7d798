package cronplan_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// realWorld are hand-picked expressions seen in crontabs, CI configs and
// scheduler docs.
var realWorld = []string{
	"* * * * *", "*/5 * * * *", "*/10 * * * *", "*/15 * * * *", "*/30 * * * *", "*/7 * * * *",
	"0 * * * *", "5 * * * *", "15,45 * * * *", "0,30 * * * *", "0 */2 * * *", "0 */3 * * *", "0 */4 * * *",
	"0 */6 * * *", "0 */12 * * *", "30 */2 * * *", "0 6 * * *", "0 0 * * *", "30 1 * * *", "0 2 * * *",
	"30 2 * * *", "0 3 * * *", "45 23 * * *", "59 23 * * *", "0 12 * * *", "0 8 * * 1", "0 9 * * 1-5",
	"0 9-17 * * 1-5", "*/15 9-17 * * 1-5", "0,30 8-18 * * 1-5", "0 18 * * 5", "0 10 * * 6,0", "0 0 * * 0",
	"0 0 * * 7", "0 9 1 * *", "0 0 1 * *", "0 0 15 * *", "0 0 1,15 * *", "0 0 1,15 * 5", "0 12 1 1 *",
	"0 0 1 */3 *", "0 0 1 1,4,7,10 *", "0 6 1 jan *", "0 6 * jan-mar mon-fri", "0 0 L * *", "0 23 L * *",
	"0 0 28-31 * *", "0 0 31 * *", "0 0 30 * *", "0 0 29 * *", "0 0 29 2 *", "0 0 * * 5#2", "0 10 * * MON#1",
	"0 0 * * 5L", "0 17 * * FRI#L", "0 0 * * 1#1,3#3", "0 0 15W * *", "0 0 LW * *", "0 0 L-3 * *",
	"0 0 * * 1#5", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
	"*/20 * * * 1-5", "0 22 * * 1-5", "15 14 1 * *", "0 4 8-14 * *", "0 4 8-14 * 1", "5 4 * * sun",
	"0 0,12 1 */2 *", "0 9,13,17 * * *", "23 0-20/2 * * *", "0 0 */2 * *", "0 0 */2 * 1", "0 0 1-7 * */2",
	"*/1 * * * *", "1-59/2 * * * *", "0-58/2 * * * *", "3-57/6 * * * *", "0 0 ? * MON", "0 0 1 ? *",
	"0 5 * * 1,3,5", "10 10 10 10 *", "0 0 1 2-11 *", "0 12 * * 2#2,4#4", "0 0 L 2 *", "0 0 28,L 2 *",
	"0 1-4 * * *", "*/10 1-3 * * *", "0 22-2 * * *", "30 0 * * 1-5", "0 */8 * * *", "0 0 1,L * *",
	// steps as large as their range (Vixie: the range's first value only)
	"*/60 * * * *", "0 */24 * * *", "0 0 1 */12 *", "0 15-15/3 * * *", "1-5/10 * * * *", "*/59 * * * *",
}

var (
	minuteForms = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return fmt.Sprint(r.IntN(60)) },
		func(r *rand.Rand) string { return list(r, 60, 0, 2+r.IntN(4)) },
		func(r *rand.Rand) string { return rng(r, 0, 59) },
		func(r *rand.Rand) string { return rng(r, 0, 59) + "/" + fmt.Sprint(2+r.IntN(15)) },
		func(r *rand.Rand) string {
			return "*/" + fmt.Sprint([]int{2, 3, 4, 5, 6, 7, 10, 12, 15, 20, 30, 45}[r.IntN(12)])
		},
		func(r *rand.Rand) string { return fmt.Sprint(r.IntN(10)) + "/" + fmt.Sprint(5+r.IntN(20)) },
	}
	hourForms = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return fmt.Sprint(r.IntN(24)) },
		func(r *rand.Rand) string { return list(r, 24, 0, 2+r.IntN(3)) },
		func(r *rand.Rand) string { return rng(r, 0, 23) },
		func(r *rand.Rand) string { return rng(r, 0, 23) + "/" + fmt.Sprint(2+r.IntN(5)) },
		func(r *rand.Rand) string { return "*/" + fmt.Sprint([]int{2, 3, 4, 6, 8, 12}[r.IntN(6)]) },
		func(r *rand.Rand) string { return fmt.Sprint(20+r.IntN(4)) + "-" + fmt.Sprint(r.IntN(4)) },
	}
	domForms = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return "?" },
		func(r *rand.Rand) string { return fmt.Sprint(1 + r.IntN(31)) },
		func(r *rand.Rand) string { return list(r, 31, 1, 2+r.IntN(3)) },
		func(r *rand.Rand) string { return rng(r, 1, 31) },
		func(r *rand.Rand) string { return "*/" + fmt.Sprint(2+r.IntN(10)) },
		func(r *rand.Rand) string { return "L" },
		func(r *rand.Rand) string { return fmt.Sprint(1+r.IntN(28)) + ",L" },
		func(r *rand.Rand) string { return "L-" + fmt.Sprint(1+r.IntN(5)) },
		func(r *rand.Rand) string { return fmt.Sprint(1+r.IntN(31)) + "W" },
		func(r *rand.Rand) string { return "LW" },
	}
	monthForms = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return fmt.Sprint(1 + r.IntN(12)) },
		func(r *rand.Rand) string { return list(r, 12, 1, 2+r.IntN(3)) },
		func(r *rand.Rand) string { return rng(r, 1, 12) },
		func(r *rand.Rand) string { return "*/" + fmt.Sprint(2+r.IntN(4)) },
		func(r *rand.Rand) string {
			n := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
			a := r.IntN(12)
			return strings.ToUpper(n[a]) + "-" + n[(a+1+r.IntN(10))%12]
		},
	}
	dowForms = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return "*" },
		func(r *rand.Rand) string { return fmt.Sprint(r.IntN(8)) },
		func(r *rand.Rand) string { return list(r, 7, 0, 2+r.IntN(3)) },
		func(r *rand.Rand) string { return rng(r, 0, 6) },
		func(r *rand.Rand) string { return []string{"MON-FRI", "sat,sun", "Tue", "fri-mon", "1-5/2"}[r.IntN(5)] },
		func(r *rand.Rand) string { return fmt.Sprintf("%d#%d", r.IntN(7), 1+r.IntN(5)) },
		func(r *rand.Rand) string { return fmt.Sprintf("%dL", r.IntN(7)) },
		func(r *rand.Rand) string { return fmt.Sprintf("%d#L,%d#%d", r.IntN(7), r.IntN(7), 1+r.IntN(4)) },
		func(r *rand.Rand) string { return "*/" + fmt.Sprint(2+r.IntN(3)) },
	}
)

func list(r *rand.Rand, n, base, k int) string {
	seen := map[int]bool{}
	var parts []string
	for len(parts) < k {
		v := base + r.IntN(n)
		if !seen[v] {
			seen[v] = true
			parts = append(parts, fmt.Sprint(v))
		}
	}
	return strings.Join(parts, ",")
}

func rng(r *rand.Rand, lo, hi int) string {
	a := lo + r.IntN(hi-lo)
	b := a + 1 + r.IntN(hi-a)
	return fmt.Sprintf("%d-%d", a, b)
}

// randomExpr draws one expression; every field form above appears.
func randomExpr(r *rand.Rand) string {
	pickf := func(fs []func(r *rand.Rand) string) string { return fs[r.IntN(len(fs))](r) }
	return strings.Join([]string{pickf(minuteForms), pickf(hourForms), pickf(domForms), pickf(monthForms), pickf(dowForms)}, " ")
}

// corpus returns the real-world expressions followed by n seeded random
// ones (some of which Parse rejects, on purpose).
func corpus(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 0x0c0ffee))
	out := append([]string(nil), realWorld...)
	for range n {
		out = append(out, randomExpr(r))
	}
	return out
}
