package metrics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/limits"
)

// ExporterJSON re-serialises the exporter rules from a user ConfigMap as
// compact JSON with keys in document order, as Strimzi does with Jackson
// (JmxPrometheusExporterModel). An empty text gives {}.
//
// The text and the JSON, which repeats what each YAML alias names, must each
// fit a ConfigMap: a few aliases of aliases would otherwise expand to
// gigabytes. Strimzi's YAML reader does not expand aliases at all.
func ExporterJSON(text string) (string, error) {
	if len(text) > limits.ConfigMapData {
		return "", fmt.Errorf("%w: the text has %d bytes", ErrTooLarge, len(text))
	}
	if strings.TrimSpace(text) == "" {
		return "{}", nil
	}
	node, err := yaml.Parse(text)
	if err != nil {
		return "", fmt.Errorf("parsing metrics configuration: %w", err)
	}
	var b bytes.Buffer
	if err := writeJSON(&b, node.YNode()); err != nil {
		return "", err
	}
	return b.String(), nil
}

// ErrTooLarge is why ExporterJSON refuses rules that cannot fit a ConfigMap.
var ErrTooLarge = fmt.Errorf("the JMX exporter rules exceed the %d bytes of a ConfigMap", limits.ConfigMapData)

func writeJSON(b *bytes.Buffer, n *yaml.Node) error {
	// Each node writes at least one byte, so this bounds the work too.
	if b.Len() > limits.ConfigMapData {
		return fmt.Errorf("%w once written as JSON, each YAML alias replaced by what it names", ErrTooLarge)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		return writeJSON(b, n.Content[0])
	case yaml.AliasNode:
		return writeJSON(b, n.Alias)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, n.Content[i].Value)
			b.WriteByte(':')
			if err := writeJSON(b, n.Content[i+1]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, c); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		writeScalar(b, n)
	}
	return nil
}

func writeScalar(b *bytes.Buffer, n *yaml.Node) {
	switch n.ShortTag() {
	case yaml.NodeTagNull:
		b.WriteString("null")
	case yaml.NodeTagBool:
		b.WriteString(strconv.FormatBool(strings.EqualFold(n.Value, "true")))
	case yaml.NodeTagInt:
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			b.WriteString(strconv.FormatInt(i, 10))
			return
		}
		writeString(b, n.Value)
	case yaml.NodeTagFloat:
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			b.WriteString(javaDouble(f))
			return
		}
		writeString(b, n.Value)
	default:
		writeString(b, n.Value)
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode appends a newline
}

// javaDouble formats like Java's Double.toString: plain notation with at
// least one decimal between 1e-3 and 1e7, else d.dddE±n.
func javaDouble(f float64) string {
	abs := f
	if abs < 0 {
		abs = -abs
	}
	if abs == 0 || (abs >= 1e-3 && abs < 1e7) {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'E', -1, 64)
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	return mant + "E" + strings.TrimLeft(strings.TrimPrefix(exp, "+"), "0")
}
