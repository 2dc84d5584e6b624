package metrics

import (
	"fmt"
	"regexp"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// StrimziReporter is the metricsConfig type of the Strimzi metrics reporter.
const StrimziReporter = "strimziMetricsReporter"

// CheckAllowList applies Strimzi's checks to the reporter's allow-list at
// path (e.g. spec.metricsConfig): at least one element when values are
// given, each a valid regular expression (MetricsModel validation).
func CheckAllowList(mc *strimzi.MetricsConfig, path string) []results.Problem {
	if mc == nil || mc.Type != StrimziReporter || mc.Values == nil {
		return nil
	}
	var errs []string
	if len(mc.Values.AllowList) == 0 {
		errs = append(errs, "Allowlist should contain at least one element")
	}
	for _, re := range mc.Values.AllowList {
		if _, err := regexp.Compile(re); err != nil {
			errs = append(errs, fmt.Sprintf("Invalid regex: %s, %v", re, err))
		}
	}
	var ps []results.Problem
	if len(errs) > 0 {
		ps = append(ps, results.Problem{Path: path + ".values.allowList", Message: "Metrics configuration is invalid: " + javacompat.ListString(errs)})
	}
	// The list is printed as it is, comma-joined, in the properties file.
	for i, re := range mc.Values.AllowList {
		ps = append(ps, properties.CheckRawValueAt(fmt.Sprintf("%s.values.allowList[%d]", path, i), re)...)
	}
	return ps
}
