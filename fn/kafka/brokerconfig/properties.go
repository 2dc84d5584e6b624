package brokerconfig

import (
	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	props "github.com/strimzi-render/strimzi-render/fn/properties"

	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// properties is an insertion-ordered set of key=value pairs: putting an
// existing key keeps its place (Strimzi: OrderedProperties).
type properties struct {
	keys   []string
	values map[string]string
}

func newProperties() *properties { return &properties{values: map[string]string{}} }

func (p *properties) put(k, v string) {
	if _, ok := p.values[k]; !ok {
		p.keys = append(p.keys, k)
	}
	p.values[k] = v
}

func (p *properties) get(k string) (string, bool) {
	v, ok := p.values[k]
	return v, ok
}

func (p *properties) remove(k string) {
	if _, ok := p.values[k]; !ok {
		return
	}
	delete(p.values, k)
	for i, key := range p.keys {
		if key == k {
			p.keys = append(p.keys[:i:i], p.keys[i+1:]...)
			return
		}
	}
}

// filter drops every key for which drop returns true.
func (p *properties) filter(drop func(string) bool) {
	kept := p.keys[:0:0]
	for _, k := range p.keys {
		if drop(k) {
			delete(p.values, k)
		} else {
			kept = append(kept, k)
		}
	}
	p.keys = kept
}

func (p *properties) clone() *properties {
	c := &properties{keys: append([]string(nil), p.keys...), values: make(map[string]string, len(p.values))}
	for k, v := range p.values {
		c.values[k] = v
	}
	return c
}

// writeTo writes the pairs one per line, escaped as
// OrderedProperties.PropertiesWriter does (see properties.Line).
func (p *properties) writeTo(w *props.Writer) {
	for _, k := range p.keys {
		w.Pair(k, p.values[k])
	}
}

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
	return javaDouble(f), nil
}

// javaDouble is Double.toString (javacompat.Double).
func javaDouble(f float64) string { return javacompat.Double(f) }
