package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/test/kubevalidate/internal/strimzifiles"
)

// root is the repository root, from this package's directory.
const root = "../../../.."

func TestRun(t *testing.T) {
	tests := map[string]struct {
		withCRDs bool // pass Strimzi's CRDs with --crds first
		args     []string
		stdin    string
		code     int
		stdout   string
	}{
		"valid file": {
			withCRDs: true,
			args:     []string{"../../testdata/valid/strimzipodset.yaml"},
		},
		"valid stdin": {
			stdin: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
		},
		"problem": {
			args:   []string{"../../testdata/invalid/pod-duplicate-volume.yaml"},
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
			if tc.withCRDs {
				tc.args = append([]string{"--crds", strimzifiles.Require(t, root, "crds")}, tc.args...)
			}
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code, "stderr: %s", stderr.String())
			assert.Equal(t, tc.stdout, stdout.String())
		})
	}
}
