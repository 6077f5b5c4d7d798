package tssim_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestTssim(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Task Scheduler Simulator Suite")
}
