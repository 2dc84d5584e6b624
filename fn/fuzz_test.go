package fn

import "testing"

// maxFuzzInput bounds fuzzed inputs; the generated adversarial cases cover
// large ones.
const maxFuzzInput = 64 << 10

// FuzzProcess runs the function on arbitrary bytes as its input, as kpt and
// kustomize hand it over on stdin, and checks checkInvariants: no panic;
// for a ResourceList, an output that parses, a failed run exactly when an
// error result is reported, a field path on errors about resources, and
// every item the function does not own passed through byte for byte.
func FuzzProcess(f *testing.F) {
	f.Add([]byte(wrapItems(connectItem("my-connect", ""),
		"- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: unrelated, namespace: kafka} # kept\n  data: {b: '2', a: \"1\"}\n")))
	f.Add([]byte(wrapItems(connectItem("my-connect", "    build:\n      output: {type: docker, image: registry.example.com/c:latest}\n"+
		"      plugins:\n      - name: p\n        artifacts: [{type: other, url: \"https://r.example.com/a\", fileName: a.so}]\n"))))
	f.Add([]byte("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig: {apiVersion: v1, kind: ConfigMap, metadata: {name: f}, data: {workload: StrimziPodSet}}\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		if len(input) > maxFuzzInput {
			t.Skip()
		}
		checkInvariants(t, input, executeSafely(input))
	})
}
