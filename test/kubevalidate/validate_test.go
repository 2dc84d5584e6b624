package kubevalidate

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/test/kubevalidate/internal/strimzifiles"
)

// root is the repository root, from this package's directory.
const root = "../.."

// validator is shared: compiling the CRD schemas and CEL rules is the
// slow part. Without Strimzi's CRDs it checks built-in kinds only, and
// validateFile skips the files that hold Strimzi's kinds.
var validator = sync.OnceValues(func() (*Validator, error) {
	crds, ok := strimzifiles.Dir(root, "crds")
	if !ok {
		crds = ""
	}
	return New(Options{CRDDir: crds})
})

func validateFile(t *testing.T, path string) Report {
	t.Helper()
	v, err := validator()
	require.NoError(t, err)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	report, err := v.Validate(data)
	require.NoError(t, err)
	if crds, ok := strimzifiles.Dir(root, "crds"); !ok && uncheckedWithoutCRDs(report) {
		strimzifiles.Skip(t, crds)
	}
	require.NotZero(t, report.Objects, "no objects in %s", path)
	return report
}

// uncheckedWithoutCRDs reports whether the validator, given no CRDs, left
// one of Strimzi's custom resources unchecked.
func uncheckedWithoutCRDs(r Report) bool {
	for _, p := range r.Problems {
		group, _, _ := strings.Cut(p.Object.APIVersion, "/")
		if p.Class == ClassUnsupported && strings.HasSuffix(group, "strimzi.io") {
			return true
		}
	}
	return false
}

func TestValidFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			report := validateFile(t, f)
			assert.True(t, report.OK(), "unexpected problems:\n%s", report)
		})
	}
}

func TestStrimziExamples(t *testing.T) {
	examplesDir := strimzifiles.Require(t, root, "examples")
	strimzifiles.Require(t, root, "crds")
	var files []string
	err := filepath.WalkDir(examplesDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yaml") {
			files = append(files, path)
		}
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, examplesDir+"/"), func(t *testing.T) {
			report := validateFile(t, f)
			assert.True(t, report.OK(), "unexpected problems:\n%s", report)
		})
	}
}

func TestInvalidFixtures(t *testing.T) {
	tests := map[string]struct {
		field    string
		fragment string
		class    Class
	}{
		"pod-invalid-name": {
			field: "metadata.name", fragment: "a lowercase RFC 1123 subdomain must consist of",
		},
		"pod-duplicate-volume": {
			field: "spec.volumes[1].name", fragment: `Duplicate value: "config"`,
		},
		"pod-image-no-reference": {
			field: "spec.volumes[0].image.reference", fragment: "Required value",
		},
		"pod-image-pullpolicy": {
			field: "spec.volumes[0].image.pullPolicy", fragment: `Unsupported value: "Sometimes"`,
		},
		"pod-missing-volume": {
			field: "spec.containers[0].volumeMounts[0].name", fragment: `Not found: "missing-volume"`,
		},
		"job-no-restartpolicy": {
			field: "spec.template.spec.restartPolicy", fragment: `Required value: valid values: "OnFailure", "Never"`,
		},
		"service-port-70000": {
			field: "spec.ports[0].port", fragment: "must be between 1 and 65535",
		},
		"configmap-unknown-field": {
			field: "dataa", fragment: "unknown field",
		},
		"networkpolicy-tcpx": {
			field: "spec.ingress[0].ports[0].protocol", fragment: `Unsupported value: "TCPX"`,
		},
		"strimzipodset-bad-pod": {
			field: "spec.pods[0].spec.volumes[1].name", fragment: `Duplicate value: "data-0"`,
		},
		"kafkaconnect-bad-plugin-name": {
			field: "spec.plugins[0].name", fragment: "should match '^[a-z0-9][-_a-z0-9]*[a-z0-9]$'",
		},
		"kafkaconnect-cel-metrics": {
			field: "spec.metricsConfig", fragment: "valueFrom property is required",
		},
		"kafka-unknown-field": {
			field: "spec.kafka.listners", fragment: "unknown field",
		},
		"kafka-v1beta2": {
			field: "apiVersion", fragment: "version v1beta2 of kafkas.kafka.strimzi.io is not served by the CRD (served: v1)",
		},
		"unknown-kind": {
			fragment: "no validator for apps/v1, Kind=DaemonSet", class: ClassUnsupported,
		},
		"statefulset-no-selector": {
			field: "spec.selector", fragment: "Required value",
		},
		"deployment-no-selector": {
			field: "spec.selector", fragment: "Required value",
		},
		"buildconfig-no-strategy": {
			field: "spec.strategy", fragment: "Required value",
		},
		"certificate-unknown-field": {
			field: "spec.dnsName", fragment: "unknown field",
		},
		"certificate-no-issuer": {
			field: "spec.issuerRef", fragment: "Required value",
		},
		"pod-privileged": {
			field: "spec", fragment: `violates PodSecurity "restricted:latest": privileged (container "main" must not set securityContext.privileged=true)`,
			class: ClassPodSecurity,
		},
		"build-job-no-warning": {
			field: "spec.template.spec", fragment: "build pod fails the restricted profile and no warning result says so",
			class: ClassPodSecurity,
		},
		"build-job-warning-names-other-job": {
			field: "spec.template.spec", fragment: "build pod fails the restricted profile and no warning result says so",
			class: ClassPodSecurity,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.class == "" {
				tc.class = ClassInvalid
			}
			report := validateFile(t, filepath.Join("testdata/invalid", name+".yaml"))
			require.False(t, report.OK(), "expected a problem")
			var found bool
			for _, p := range report.Problems {
				if p.Field == tc.field && strings.Contains(p.Message, tc.fragment) {
					found = true
					assert.Equal(t, tc.class, p.Class)
				}
			}
			assert.True(t, found, "no problem at %q containing %q in:\n%s", tc.field, tc.fragment, report)
		})
	}
}

func TestBuildJobBaselineStillEnforced(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/build-job-resourcelist.yaml")
	require.NoError(t, err)
	// Running as privileged breaks the baseline profile, which no warning excuses.
	data = []byte(strings.Replace(string(data), "allowPrivilegeEscalation: false", "privileged: true", 1))
	v, err := validator()
	require.NoError(t, err)
	report, err := v.Validate(data)
	require.NoError(t, err)
	require.Len(t, report.Problems, 1, "%s", report)
	assert.Equal(t, "spec.template.spec", report.Problems[0].Field)
	assert.Contains(t, report.Problems[0].Message, `violates PodSecurity "baseline:latest": privileged`)
}

func TestNamespace(t *testing.T) {
	const sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n"
	tests := map[string]struct {
		opts     Options
		problems []Problem
	}{
		"defaulted like kubectl": {},
		"required": {
			opts: Options{RequireNamespace: true},
			problems: []Problem{{
				Object:  Ref{APIVersion: "v1", Kind: "ServiceAccount", Name: "sa"},
				Field:   "metadata.namespace",
				Message: "Required value: namespaced object has no namespace",
				Class:   ClassNamespace,
			}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			report, err := Validate([]byte(sa), tc.opts)
			require.NoError(t, err)
			assert.Equal(t, tc.problems, report.Problems)
		})
	}
}

func TestMalformedInput(t *testing.T) {
	tests := map[string]string{
		"duplicate key": "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n",
		"not an object": "- a\n- b\n",
		"bad YAML":      "apiVersion: [v1\n",
	}
	for name, input := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Validate([]byte(input), Options{})
			assert.Error(t, err)
		})
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{
		Object:  Ref{APIVersion: "v1", Kind: "Pod", Namespace: "kafka", Name: "p"},
		Field:   "spec.volumes[1].name",
		Message: `Duplicate value: "config"`,
	}
	assert.Equal(t, `v1/Pod kafka/p: spec.volumes[1].name: Duplicate value: "config"`, p.String())
}

func TestLocalConfigIsSkipped(t *testing.T) {
	r, err := Validate([]byte("apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: pkg\n  annotations:\n    config.kubernetes.io/local-config: \"true\"\n"), Options{})
	require.NoError(t, err)
	assert.True(t, r.OK(), "%s", r)
}

func TestBaselineLevel(t *testing.T) {
	pod := []byte(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers: [{name: c, image: busybox}]
`)
	r, err := Validate(pod, Options{})
	require.NoError(t, err)
	assert.False(t, r.OK(), "a pod without a security context fails restricted")
	r, err = Validate(pod, Options{PodSecurityLevel: "baseline"})
	require.NoError(t, err)
	assert.True(t, r.OK(), "%s", r)
	r, err = Validate([]byte(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers: [{name: c, image: busybox, securityContext: {privileged: true}}]
`), Options{PodSecurityLevel: "baseline"})
	require.NoError(t, err)
	assert.False(t, r.OK(), "privileged fails baseline too")
	_, err = New(Options{PodSecurityLevel: "strict"})
	assert.EqualError(t, err, `pod security level "strict" is not restricted or baseline`)
}
