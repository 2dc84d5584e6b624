package kubevalidate_test

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/test/kubevalidate"
)

func ExampleValidate() {
	stream := []byte(`apiVersion: v1
kind: Service
metadata:
  name: my-connect-connect-api
  namespace: kafka
spec:
  ports:
    - name: rest-api
      port: 70000
`)
	report, err := kubevalidate.Validate(stream, kubevalidate.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Print(report) // targetPort defaults to port, so it fails too
	// Output:
	// v1/Service kafka/my-connect-connect-api: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive
	// v1/Service kafka/my-connect-connect-api: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive
}
