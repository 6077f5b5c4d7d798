package deps_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("Evaluate", func() {
	var dir string
	BeforeEach(func() { dir = testutil.TempDir() })

	pathCheck := func(name string) definition.Check {
		return definition.Check{Type: definition.CheckPath, Path: filepath.Join(dir, name)}
	}

	Context("when there are no dependencies", func() {
		It("is met without a round", func() {
			Expect(deps.Evaluate(context.Background(), nil, deps.Env{})).To(Equal(deps.Outcome{Met: true}))
			o := deps.Evaluate(context.Background(), &definition.Dependencies{Policy: definition.PolicyWait}, deps.Env{})
			Expect(o.Met).To(BeTrue())
			Expect(o.Rounds).To(BeZero())
		})
	})

	Context("when every check is met", func() {
		It("is met after one round with an empty reason", func() {
			o := deps.Evaluate(context.Background(), &definition.Dependencies{
				Checks: []definition.Check{{Type: definition.CheckPath, Path: dir}},
			}, deps.Env{})
			Expect(o.Met).To(BeTrue())
			Expect(o.Rounds).To(Equal(1))
			Expect(o.Reason).To(BeEmpty())
			Expect(o.Results).To(HaveLen(1))
		})
	})

	DescribeTable("when a check is unmet under a one-round policy",
		func(policy definition.DependencyPolicy) {
			start := time.Now()
			o := deps.Evaluate(context.Background(), &definition.Dependencies{
				Policy: policy,
				Checks: []definition.Check{{Type: definition.CheckPath, Path: dir}, pathCheck("a"), pathCheck("b")},
			}, deps.Env{})
			Expect(time.Since(start)).To(BeNumerically("<", time.Second))
			Expect(o.Met).To(BeFalse())
			Expect(o.Rounds).To(Equal(1))
			a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
			Expect(o.Reason).To(Equal("path " + a + ": " + a + " does not exist; path " + b + ": " + b + " does not exist"))
		},
		Entry("default (skip)", definition.DependencyPolicy("")),
		Entry("skip", definition.PolicySkip),
		Entry("fail", definition.PolicyFail),
	)

	Context("when policy is wait and the file appears after ~1s", func() {
		It("rechecks until it is there", func() {
			p := filepath.Join(dir, "ready.flag")
			appear := time.AfterFunc(time.Second, func() { _ = os.WriteFile(p, nil, 0o600) })
			DeferCleanup(appear.Stop)

			var mu sync.Mutex
			var seen []int
			env := deps.Env{OnRound: func(n int, rs []result.Dependency) {
				mu.Lock()
				defer mu.Unlock()
				seen = append(seen, n)
			}}
			start := time.Now()
			o := deps.Evaluate(context.Background(), &definition.Dependencies{
				Policy:          definition.PolicyWait,
				WaitTimeout:     dur(10 * time.Second),
				RecheckInterval: dur(200 * time.Millisecond),
				Checks:          []definition.Check{pathCheck("ready.flag")},
			}, env)
			elapsed := time.Since(start)

			Expect(o.Met).To(BeTrue(), o.Reason)
			Expect(o.Rounds).To(BeNumerically(">", 1))
			Expect(o.Results[0].Met).To(BeTrue())
			Expect(elapsed).To(BeNumerically(">=", 900*time.Millisecond))
			Expect(elapsed).To(BeNumerically("<", 2*time.Second))
			mu.Lock()
			defer mu.Unlock()
			Expect(seen).To(HaveLen(o.Rounds - 1)) // every unmet round reported
		})
	})

	Context("when policy is wait and the checks never pass", func() {
		It("gives up after waitTimeout with every reason", func() {
			start := time.Now()
			o := deps.Evaluate(context.Background(), &definition.Dependencies{
				Policy:          definition.PolicyWait,
				WaitTimeout:     dur(600 * time.Millisecond),
				RecheckInterval: dur(200 * time.Millisecond),
				Checks:          []definition.Check{pathCheck("a"), {Type: definition.CheckTCP, Address: closedPort()}},
			}, deps.Env{})
			elapsed := time.Since(start)

			Expect(o.Met).To(BeFalse())
			Expect(elapsed).To(BeNumerically(">=", 600*time.Millisecond))
			Expect(elapsed).To(BeNumerically("<", 1500*time.Millisecond))
			Expect(o.Rounds).To(BeNumerically(">=", 4)) // at 0, 200, 400 and 600ms
			Expect(o.Reason).To(MatchRegexp(`^still unmet after waiting 600ms \(\d+ rounds\): path .*a does not exist; tcp .*refused`))
		})
	})

	Context("when the context is cancelled during a wait", func() {
		It("stops waiting at once", func() {
			ctx, cancel := context.WithCancel(context.Background())
			DeferCleanup(cancel)
			time.AfterFunc(300*time.Millisecond, cancel)
			start := time.Now()
			o := deps.Evaluate(ctx, &definition.Dependencies{
				Policy:          definition.PolicyWait,
				WaitTimeout:     dur(time.Minute),
				RecheckInterval: dur(10 * time.Second),
				Checks:          []definition.Check{pathCheck("never")},
			}, deps.Env{})
			Expect(time.Since(start)).To(BeNumerically("<", time.Second))
			Expect(o.Met).To(BeFalse())
			Expect(o.Rounds).To(Equal(1))
			Expect(o.Reason).To(HavePrefix("cancelled while waiting (1 round): path "))
		})
	})
})
