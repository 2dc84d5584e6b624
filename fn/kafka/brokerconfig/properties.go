package brokerconfig

import (
	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	props "github.com/strimzi-render/strimzi-render/fn/properties"
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

// FormatValue renders a configuration value as Strimzi prints it
// (properties.FormatValue).
func FormatValue(v any) (string, error) { return props.FormatValue(v) }

// javaDouble is Double.toString (javacompat.Double).
func javaDouble(f float64) string { return javacompat.Double(f) }
