package crdschema

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Check returns what the API server would reject in node, a Kafka,
// KafkaNodePool or KafkaConnect, with Strimzi 1.2.0's CRD and strict field
// validation (kubectl's default): unknown fields, types, enums, patterns,
// required fields, bounds and the CRD's rules, each an error at its field
// path in the API server's words. v1beta2 input is checked as v1 with the
// fields the renderer still reads from v1beta2. Problems that the
// renderer's own validators report in words of their own are left out
// (see overlaps); other kinds and versions have none.
func Check(node *yaml.RNode) []results.Problem {
	return problems(node, true)
}

// CheckAll is Check with the problems the renderer's validators also report.
func CheckAll(node *yaml.RNode) []results.Problem {
	return problems(node, false)
}

func problems(node *yaml.RNode, skipOverlaps bool) []results.Problem {
	if node == nil {
		return nil
	}
	// Read here, not with RNode's getters, which expect a mapping.
	root := resolve(node.YNode())
	if root.Kind != yaml.MappingNode {
		return nil
	}
	apiVersion, _ := mapping{root}.stringField("apiVersion")
	kind, _ := mapping{root}.stringField("kind")
	var out []results.Problem
	for _, f := range check(root, apiVersion, kind) {
		if !skipOverlaps || !overlaps(kind, root, f) {
			out = append(out, results.Problem{Path: f.path, Message: f.message})
		}
	}
	return out
}

// ruleClass is the kind of rule a finding breaks.
type ruleClass uint8

const (
	ruleUnknown ruleClass = iota + 1
	ruleType
	ruleEnum
	rulePattern
	ruleRequired
	ruleMinimum
	ruleMaximum
	ruleMinItems
	ruleOneOf
	ruleCEL
	ruleScale
)

type finding struct {
	path    string
	class   ruleClass
	message string
	// blocking errors stop the API server from evaluating CEL rules.
	blocking bool
}

func check(n *yaml.Node, apiVersion, kind string) []finding {
	k, ok := kinds[kind]
	group, version, _ := strings.Cut(apiVersion, "/")
	if !ok || group != strimzi.Group || (version != strimzi.V1 && version != strimzi.V1beta2) {
		return nil
	}
	c := &checker{v1beta2: version == strimzi.V1beta2}
	c.visit(n, k.root, validating)
	c.firstMetaError()
	if !slices.ContainsFunc(c.findings, func(f finding) bool { return f.blocking }) {
		c.evalRules()
	}
	if k.scale {
		c.scaleReplicas(n)
	}
	return dedupe(c.findings)
}

// checker walks a resource and its schema together, as the API server
// prunes unknown fields and then validates what is left.
type checker struct {
	v1beta2  bool
	path     []byte
	findings []finding
	rules    []pendingRules
	expanded map[aliasVisit]bool
	// The structs and fields of metadata being decoded, the keys and
	// indices that lead there, and the values it cannot decode.
	goStructs, goFields, metaKeys []string
	metaErrors                    []metaError
}

type aliasVisit struct {
	anchor *yaml.Node
	s      *schema
	mode   mode
}

// pendingRules are CEL rules to evaluate once the walk shows nothing
// blocks them.
type pendingRules struct {
	path  string
	self  mapping
	rules []rule
}

func (c *checker) at() string { return string(c.path) }

func (c *checker) push(key string) int {
	n := len(c.path)
	if n > 0 {
		c.path = append(c.path, '.')
	}
	if key == "" {
		key = `""` // so that every problem has a path
	}
	c.path = append(c.path, key...)
	return n
}

func (c *checker) pushIndex(i int) int {
	n := len(c.path)
	c.path = append(c.path, '[')
	c.path = strconv.AppendInt(c.path, int64(i), 10)
	c.path = append(c.path, ']')
	return n
}

func (c *checker) pop(n int) { c.path = c.path[:n] }

func (c *checker) add(class ruleClass, err *field.Error, hint string) {
	msg := err.ErrorBody()
	if hint != "" {
		msg += ": " + hint
	}
	c.findings = append(c.findings, finding{
		path:     err.Field,
		class:    class,
		message:  msg,
		blocking: isBlocking(err.Type),
	})
}

// mode is how much of the API server's checking applies to a subtree.
type mode uint8

const (
	// validating: unknown fields are reported and values validated.
	validating mode = iota
	// pruning: unknown fields only, as in status, which the API server
	// drops on create, and under values it drops before validation (nulls).
	pruning
	// readingMeta: metadata, decoded into ObjectMeta: unknown fields, and
	// the first value of the wrong type as the decoder words it.
	readingMeta
)

// visit checks n against s; s is nil where the schema has no place for n.
func (c *checker) visit(n *yaml.Node, s *schema, m mode) {
	if n.Kind == yaml.AliasNode {
		// An alias repeats its anchor's findings at another path: walking
		// each anchor once per schema keeps alias bombs linear.
		v := aliasVisit{n.Alias, s, m}
		if c.expanded[v] {
			return
		}
		if c.expanded == nil {
			c.expanded = map[aliasVisit]bool{}
		}
		c.expanded[v] = true
	}
	n = resolve(n)
	if s != nil {
		switch {
		case s.objectMeta:
			m = readingMeta
		case s.UnknownOnly && m == validating:
			m = pruning
		}
	}
	switch {
	case m == validating && s != nil:
		c.checkValue(n, s)
	case m == readingMeta && s != nil && !decodes(s.Type, n):
		c.metaDecodeError(n, s)
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		c.visitMapping(n, s, m)
	case yaml.SequenceNode:
		c.visitSequence(n, s, m)
	}
}

func (c *checker) visitMapping(n *yaml.Node, s *schema, m mode) {
	inStruct := m == readingMeta && s != nil && s.Values == nil
	if inStruct {
		c.goStructs = append(c.goStructs, s.goType)
	}
	fields := mapping{n}
	if fields.hasMerge() {
		fields.each(func(key string, v *yaml.Node) { c.visitField(s, m, key, v, inStruct) })
	} else {
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.visitField(s, m, n.Content[i].Value, n.Content[i+1], inStruct)
		}
	}
	if inStruct {
		c.goStructs = c.goStructs[:len(c.goStructs)-1]
	}
	if m == validating && s != nil && s.Type == typeObject {
		c.checkObject(fields, s)
	}
}

// visitField checks field key, of value v, of an object of schema s.
func (c *checker) visitField(s *schema, m mode, key string, v *yaml.Node, inStruct bool) {
	child := c.fieldSchema(s, key)
	if child == nil {
		if s == nil || !s.Preserve {
			c.unknown(s, key)
		}
		return
	}
	at := c.push(key)
	childMode := m
	if m == validating && isNull(v) {
		childMode = pruning // nulls are dropped before validation: absent
	}
	if inStruct {
		c.goFields = append(c.goFields, key)
	}
	if m == readingMeta {
		c.metaKeys = append(c.metaKeys, key)
	}
	c.visit(v, child, childMode)
	if m == readingMeta {
		c.metaKeys = c.metaKeys[:len(c.metaKeys)-1]
	}
	if inStruct {
		c.goFields = c.goFields[:len(c.goFields)-1]
	}
	c.pop(at)
}

// fieldSchema is the schema of field key of an object of schema s, or nil.
func (c *checker) fieldSchema(s *schema, key string) *schema {
	if s == nil {
		return nil
	}
	if p, ok := s.Properties[key]; ok {
		return p
	}
	if s.Values != nil {
		return s.Values
	}
	if r := s.removed[key]; r != nil && c.v1beta2 {
		return r.v1beta2
	}
	return nil
}

func (c *checker) visitSequence(n *yaml.Node, s *schema, m mode) {
	var items *schema
	if s != nil {
		if s.Preserve && s.Items == nil {
			return
		}
		items = s.Items
	}
	itemMode := m
	if items == nil && m == validating {
		itemMode = pruning
	}
	for i, item := range n.Content {
		at := c.pushIndex(i)
		if m == readingMeta {
			c.metaKeys = append(c.metaKeys, fmt.Sprintf("%020d", i)) // in numeric order
		}
		c.visit(item, items, itemMode)
		if m == readingMeta {
			c.metaKeys = c.metaKeys[:len(c.metaKeys)-1]
		}
		c.pop(at)
	}
	if m == validating && s != nil && s.MinItems != nil && int64(len(n.Content)) < *s.MinItems {
		c.add(ruleMinItems, field.Invalid(c.fieldPath(), int64(len(n.Content)),
			fmt.Sprintf("%s in body should have at least %d items", c.at(), *s.MinItems)), "")
	}
}

func (c *checker) fieldPath() *field.Path { return field.NewPath(c.at()) }

func (c *checker) unknown(s *schema, key string) {
	at := c.push(key)
	path := c.at()
	c.pop(at)
	msg := fmt.Sprintf("unknown field %q", path)
	if s != nil && s.removed[key] != nil {
		msg += ": " + s.removed[key].hint
	} else if s != nil {
		if near := nearest(key, s.Properties); near != "" {
			msg += fmt.Sprintf(": did you mean %q?", near)
		}
	}
	c.findings = append(c.findings, finding{path: path, class: ruleUnknown, message: msg})
}

func dedupe(fs []finding) []finding {
	if len(fs) < 2 {
		return fs
	}
	seen := make(map[finding]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
