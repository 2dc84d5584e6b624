package connect

import (
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/names"
)

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func scalarString(v any) string { return fmt.Sprint(v) }

func namesConnectTLS(cluster string) string { return names.ConnectTLSTrustedCerts(cluster) }

// isNil reports whether o is nil or a nil pointer, as optional objects are.
func isNil(o any) bool {
	if o == nil {
		return true
	}
	v := reflect.ValueOf(o)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
