package labels

import (
	"maps"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"

	"regexp"
	"slices"
	"strings"
)

// Label keys Strimzi sets.
const (
	Cluster       = "strimzi.io/cluster"
	Name          = "strimzi.io/name"
	Kind          = "strimzi.io/kind"
	ComponentType = "strimzi.io/component-type"
	PodName       = "strimzi.io/pod-name"
	// StatefulSetPodName is set by Kubernetes' StatefulSet controller on the
	// pods it creates; Strimzi's own pods do not carry it
	// (WorkloadUtils.createStatefulPod).
	StatefulSetPodName = "statefulset.kubernetes.io/pod-name"
	Controller         = "strimzi.io/controller"
	ControllerName     = "strimzi.io/controller-name"
	PoolName           = "strimzi.io/pool-name"
	BrokerRole         = "strimzi.io/broker-role"
	ControllerRole     = "strimzi.io/controller-role"
	Discovery          = "strimzi.io/discovery"
	AppName            = "app.kubernetes.io/name"
	AppInstance        = "app.kubernetes.io/instance"
	AppPartOf          = "app.kubernetes.io/part-of"
	AppManagedBy       = "app.kubernetes.io/managed-by"
	ManagedByValue     = "strimzi-cluster-operator"
	StrimziPodSetID    = "strimzipodset"
)

const strimziPrefix = "strimzi.io/"

// Messages Strimzi gives for labels and annotations it reserves.
const (
	MsgStrimziLabelOnCR = "Labels starting with strimzi.io/ are not allowed in Custom Resources, such labels should be removed."
	msgStrimziInUser    = "User provided labels or annotations includes a Strimzi annotation: "
)

// Component identifies the owner of a set of Strimzi labels.
type Component struct {
	Cluster       string // CR name
	Name          string // strimzi.io/name, e.g. my-connect-connect
	Kind          string // CR kind
	ComponentType string // e.g. kafka-connect
	AppName       string // app.kubernetes.io/name, e.g. kafka-connect
}

// Resource returns the labels of the component's resources: the CR labels
// kept by the filter, overridden by Strimzi's own (Labels.generateDefaultLabels).
func Resource(c Component, crLabels map[string]string) map[string]string {
	out := maps.Clone(crLabels)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, map[string]string{
		Cluster:       c.Cluster,
		Name:          c.Name,
		Kind:          c.Kind,
		ComponentType: c.ComponentType,
		AppName:       c.AppName,
		AppInstance:   labelValue(c.Cluster),
		AppPartOf:     labelValue("strimzi-" + c.Cluster),
		AppManagedBy:  ManagedByValue,
	})
	return out
}

// Selector returns the selector labels of the component's Services and PDBs.
func Selector(c Component) map[string]string {
	return map[string]string{Cluster: c.Cluster, Name: c.Name, Kind: c.Kind}
}

// labelValue truncates to 63 characters and strips trailing '.', '-' and
// '_' (Labels.getOrValidInstanceLabelValue).
func labelValue(v string) string {
	if len(v) > 63 {
		v = v[:63]
	}
	return strings.TrimRight(v, ".-_")
}

// Filter decides which custom resource labels reach rendered objects
// (STRIMZI_LABELS_EXCLUSION_PATTERN).
type Filter struct {
	exclude func(string) bool
}

// defaultExclusion is Strimzi's default pattern
// (^app.kubernetes.io/(?!part-of).*|^kustomize.toolkit.fluxcd.io.*), written
// without the look-ahead RE2 lacks.
var (
	appLabel  = regexp.MustCompile(`^app.kubernetes.io/`)
	fluxLabel = regexp.MustCompile(`^kustomize.toolkit.fluxcd.io`)
)

// NewFilter returns the filter for pattern; nil means Strimzi's default.
func NewFilter(pattern *string) (Filter, error) {
	if pattern == nil {
		return Filter{exclude: func(k string) bool {
			if loc := appLabel.FindStringIndex(k); loc != nil {
				return !strings.HasPrefix(k[loc[1]:], "part-of")
			}
			return fluxLabel.MatchString(k)
		}}, nil
	}
	re, err := regexp.Compile("^(?:" + *pattern + ")$")
	if err != nil {
		return Filter{}, err
	}
	return Filter{exclude: re.MatchString}, nil
}

// Apply returns the CR labels that rendered objects inherit.
func (f Filter) Apply(crLabels map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range crLabels {
		if f.exclude == nil || !f.exclude(k) {
			out[k] = v
		}
	}
	return out
}

// ForbiddenOnCR lists the CR label keys Strimzi refuses: strimzi.io/* other
// than strimzi.io/cluster*, after the exclusion filter.
func (f Filter) ForbiddenOnCR(crLabels map[string]string) []string {
	var bad []string
	for _, k := range sortedKeys(f.Apply(crLabels)) {
		if isReservedLabel(k) {
			bad = append(bad, k)
		}
	}
	return bad
}

func isReservedLabel(k string) bool {
	return strings.HasPrefix(k, strimziPrefix) && !strings.HasPrefix(k, strimziPrefix+"cluster")
}

// StrimziKeys lists the strimzi.io/* keys of user labels or annotations
// merged with operator ones (pod, StrimziPodSet, API Service, PVC): Strimzi
// rejects them all with MsgStrimziInUser.
func StrimziKeys(m map[string]string) []string {
	var bad []string
	for _, k := range sortedKeys(m) {
		if strings.HasPrefix(k, strimziPrefix) {
			bad = append(bad, k)
		}
	}
	return bad
}

// ReservedLabels lists the keys of additive template labels (podSet,
// headless Service, PDB, ServiceAccount, PVC) that Strimzi rejects with
// MsgStrimziLabelOnCR.
func ReservedLabels(m map[string]string) []string {
	var bad []string
	for _, k := range sortedKeys(m) {
		if isReservedLabel(k) {
			bad = append(bad, k)
		}
	}
	return bad
}

// MsgStrimziInUser formats Strimzi's message for user keys it reserves.
func MsgStrimziInUser(keys []string) string {
	return msgStrimziInUser + javacompat.ListString(keys)
}

// UserMerged returns template labels or annotations that are merged under
// operator ones: app.kubernetes.io/* keys are dropped, as Strimzi does.
func UserMerged(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if !strings.HasPrefix(k, "app.kubernetes.io/") {
			out[k] = v
		}
	}
	return out
}

// Merge returns the union of maps, later ones winning; nil if all are empty.
func Merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		maps.Copy(out, m)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
