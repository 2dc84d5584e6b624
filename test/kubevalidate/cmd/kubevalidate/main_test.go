package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const crds = "../../../../../shared/strimzi-1.2.0/crds"

func TestRun(t *testing.T) {
	tests := map[string]struct {
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		"valid file": {
			args: []string{"--crds", crds, "../../testdata/valid/strimzipodset.yaml"},
		},
		"valid stdin": {
			args:  []string{"--crds", crds},
			stdin: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
		},
		"problem": {
			args:   []string{"--crds", crds, "../../testdata/invalid/pod-duplicate-volume.yaml"},
			code:   1,
			stdout: "v1/Pod kafka/duplicate-volume: spec.volumes[1].name: Duplicate value: \"config\"\n",
		},
		"require namespace": {
			args:   []string{"--require-namespace"},
			stdin:  "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
			code:   1,
			stdout: "v1/ServiceAccount sa: metadata.namespace: Required value: namespaced object has no namespace\n",
		},
		"missing file": {
			args: []string{"does-not-exist.yaml"},
			code: 2,
		},
		"unreadable CRD directory": {
			args: []string{"--crds", "does-not-exist"},
			code: 2,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code, "stderr: %s", stderr.String())
			assert.Equal(t, tc.stdout, stdout.String())
		})
	}
}
