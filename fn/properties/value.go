package properties

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
)

// FormatValue renders a configuration value as Strimzi prints it. The value is
// first seen as the Kubernetes API server stores it: a float with no fraction
// below 1e21 is written as an integer. Strimzi then reads strings, booleans,
// integers and decimals (Jackson's Integer, Long and Double) and prints them
// with Java's String.valueOf. A null, an integer past the Java long range or
// any other type is rejected, as Strimzi rejects it.
func FormatValue(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int8, int16, int32, int64:
		return fmt.Sprint(x), nil
	case uint, uint8, uint16, uint32, uint64:
		return formatInteger(fmt.Sprint(x))
	case float32:
		return formatFloat(float64(x))
	case float64:
		return formatFloat(x)
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			f, err := x.Float64()
			if err != nil {
				return "", fmt.Errorf("%q is not a number", string(x))
			}
			return formatFloat(f)
		}
		return formatInteger(string(x))
	case nil:
		return "", fmt.Errorf("a null value is not allowed")
	default:
		return "", fmt.Errorf("values of type %T are not supported; use a string, number or boolean", v)
	}
}

// formatInteger accepts what fits a Java long; Jackson turns larger numbers
// into BigInteger, which Strimzi refuses.
func formatInteger(digits string) (string, error) {
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return "", fmt.Errorf("%q is not a number", digits)
	}
	if !n.IsInt64() {
		return "", fmt.Errorf("%s does not fit a 64-bit integer", digits)
	}
	return n.String(), nil
}

func formatFloat(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%v is not a number JSON can hold", f)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return formatInteger(strconv.FormatFloat(f, 'f', 0, 64))
	}
	return javacompat.Double(f), nil
}
