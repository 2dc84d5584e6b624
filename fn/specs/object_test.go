package specs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
)

func TestAppendLeavesOutNil(t *testing.T) {
	sa := &corev1.ServiceAccount{}
	var none *corev1.Service
	out := Append(nil, sa)
	out = Append(out, none)
	out = Append(out, []*corev1.Service{nil, {}}...)
	assert.Len(t, out, 2)
	assert.Same(t, sa, out[0])
}
