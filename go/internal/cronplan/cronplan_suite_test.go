package cronplan_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestCronplan(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Cron Planner Suite")
}
