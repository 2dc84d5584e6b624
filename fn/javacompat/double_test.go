package javacompat

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Values as Java's Double.toString prints them.
func TestDouble(t *testing.T) {
	for f, want := range map[float64]string{
		102400:          "102400.0",
		976.5625:        "976.5625",
		0.09765625:      "0.09765625",
		1.5:             "1.5",
		1e7:             "1.0E7",
		9.765625e6:      "9765625.0",
		0.5:             "0.5",
		0.001:           "0.001",
		0.0001:          "1.0E-4",
		95367.431640625: "95367.431640625",
	} {
		assert.Equal(t, want, Double(f), "%v", f)
	}
}
