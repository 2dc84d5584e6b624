package crdschema

import "fmt"

// rule is an x-kubernetes-validations rule: the CEL expression and the
// message as the CRD states them, and the same logic in Go. The API server
// reports a rule that is false with its message, and one that cannot be
// evaluated (a field it reads is absent) with the evaluation error.
type rule struct {
	Expression string
	Message    string
	eval       cel
}

// cel is a boolean CEL expression over the object the rule is on.
type cel func(self fieldSource) (bool, error)

// fieldSource reads the fields of the object a rule is evaluated on.
type fieldSource interface {
	// stringField returns a field's value and whether the field is set.
	stringField(name string) (string, bool)
}

// Rack awareness: topology-label (the default) needs topologyKey,
// environment-variable needs envVarName.
var (
	rackTopologyKeyRule = rule{
		Expression: `(has(self.type) && self.type != "topology-label") || self.topologyKey != ""`,
		Message:    "topologyKey property is required",
		eval:       or(and(has("type"), notEqual("type", "topology-label")), notEqual("topologyKey", "")),
	}
	rackEnvVarNameRule = rule{
		Expression: `has(self.type) == false || self.type != "environment-variable" || self.envVarName != ""`,
		Message:    "envVarName property is required",
		eval:       or(not(has("type")), notEqual("type", "environment-variable"), notEqual("envVarName", "")),
	}
)

// Metrics: the JMX Prometheus Exporter reads its rules from a ConfigMap;
// Cruise Control has no Strimzi metrics reporter.
var (
	metricsValueFromRule = rule{
		Expression: `self.type != 'jmxPrometheusExporter' || has(self.valueFrom)`,
		Message:    "valueFrom property is required",
		eval:       or(notEqual("type", "jmxPrometheusExporter"), has("valueFrom")),
	}
	metricsNoReporterRule = rule{
		Expression: `self.type != 'strimziMetricsReporter'`,
		Message:    "value type not supported",
		eval:       notEqual("type", "strimziMetricsReporter"),
	}
)

func has(name string) cel {
	return func(self fieldSource) (bool, error) {
		_, ok := self.stringField(name)
		return ok, nil
	}
}

func not(e cel) cel {
	return func(self fieldSource) (bool, error) {
		v, err := e(self)
		return !v, err
	}
}

// notEqual is self.<name> != value; reading an absent field is an error.
func notEqual(name, value string) cel {
	return func(self fieldSource) (bool, error) {
		v, ok := self.stringField(name)
		if !ok {
			return false, fmt.Errorf("no such key: %s", name)
		}
		return v != value, nil
	}
}

// or is CEL's ||: true if any term is true, even when others fail.
func or(terms ...cel) cel {
	return func(self fieldSource) (bool, error) {
		var firstErr error
		for _, t := range terms {
			v, err := t(self)
			if err == nil && v {
				return true, nil
			}
			if err != nil && firstErr == nil {
				firstErr = err
			}
		}
		return false, firstErr
	}
}

// and is CEL's &&: false if any term is false, even when others fail.
func and(terms ...cel) cel {
	return func(self fieldSource) (bool, error) {
		var firstErr error
		for _, t := range terms {
			v, err := t(self)
			if err == nil && !v {
				return false, nil
			}
			if err != nil && firstErr == nil {
				firstErr = err
			}
		}
		return firstErr == nil, firstErr
	}
}
