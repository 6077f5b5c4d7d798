package crongate_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestCronGate(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Cron Gate Suite")
}
