package cruisecontrol

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Path is where Cruise Control is configured in a Kafka.
const Path = "spec.cruiseControl"

// Validate returns the problems of spec.cruiseControl at their field
// paths: Strimzi's checks with its messages, what Strimzi only logs (as
// warnings), and what would give a pod that cannot start. The broker
// count and the metrics topic are the Kafka's checks. Nil spec: no Cruise
// Control, no problems.
func Validate(spec *strimzi.CruiseControlSpec, in Inputs, cfg *config.Spec) []results.Problem {
	if spec == nil {
		return nil
	}
	var ps []results.Problem
	ps = append(ps, pods.CheckResources(Path+".resources", spec.Resources, "Kafka.spec.cruiseControl.resources")...)
	if spec.Image == "" && cfg.Images.CruiseControl == "" {
		ps = append(ps, results.Errorf(Path+".image", "no Cruise Control image: set spec.cruiseControl.image, or images.cruiseControl in the function config"))
	}
	ps = append(ps, jvm.Check(spec.JvmOptions, Path+".jvmOptions")...)
	// Their warnings depend on node IDs, which the model reports (Warnings).
	capacity, cps := newCapacity(spec.BrokerCapacity, in.Brokers)
	ps = append(ps, only(results.Error, cps)...)
	_, confProblems := newConfiguration(spec.Config, capacity, in.DefaultReplicationFactor)
	ps = append(ps, only(results.Error, confProblems)...)
	ps = append(ps, logging.CheckExternal(spec.Logging, in.ConfigMapData, in.Namespace, Path+".logging")...)
	if mc := spec.MetricsConfig; mc != nil {
		if mc.Type != metrics.JMXExporter {
			ps = append(ps, results.Errorf(Path+".metricsConfig.type", "The Strimzi Metrics Reporter is not supported with this component"))
		} else {
			ps = append(ps, metrics.CheckConfig(mc, in.ConfigMapData, in.Namespace, Path+".metricsConfig")...)
		}
	}
	if u := spec.APIUsers; u != nil {
		if r := u.ValueFrom; r == nil || r.SecretKeyRef == nil || r.SecretKeyRef.Name == "" || r.SecretKeyRef.Key == "" {
			ps = append(ps, results.Errorf(Path+".apiUsers.valueFrom", "The configuration of the Cruise Control REST API users referenced in spec.cruiseControl.apiUsers is invalid."))
		} else {
			ps = append(ps, checkAPIUsers(u, in)...)
		}
	}
	if len(spec.AutoRebalance) > 0 && string(spec.AutoRebalance) != "null" {
		ps = append(ps, results.Warningf(Path+".autoRebalance",
			"autoRebalance is not acted on: the operator runs the KafkaRebalance templates it names when brokers are added or removed; without it, rebalance through Cruise Control's REST API (see docs/cruise-control.md)"))
	}
	if t := spec.Template; t != nil {
		ps = append(ps, checkTemplate(t)...)
	}
	return ps
}

// checkTemplate applies Strimzi's rules for template labels, annotations,
// volumes and mounts, and refuses what the Deployment cannot carry.
func checkTemplate(t *strimzi.CruiseControlTemplate) []results.Problem {
	const at = Path + ".template."
	ps, podVolumes := pods.CheckDeploymentTemplate(at, t.Deployment, t.Pod, GeneratedVolumes())
	if c := t.CruiseControlContainer; c != nil {
		ps = append(ps, volumes.CheckMounts(c.VolumeMounts, podVolumes, at+"cruiseControlContainer.volumeMounts")...)
	}
	if s := t.APIService; s != nil {
		ps = append(ps, pods.CheckUserMerged(at+"apiService.metadata.labels", s.Metadata.Labels)...)
		ps = append(ps, pods.CheckUserMerged(at+"apiService.metadata.annotations", s.Metadata.Annotations)...)
	}
	if s := t.ServiceAccount; s != nil {
		ps = append(ps, pods.CheckAdditiveLabels(at+"serviceAccount.metadata.labels", s.Metadata.Labels)...)
	}
	if s := t.PodDisruptionBudget; s != nil {
		ps = append(ps, pods.CheckAdditiveLabels(at+"podDisruptionBudget.metadata.labels", s.Metadata.Labels)...)
		if s.MaxUnavailable != nil && *s.MaxUnavailable < 0 {
			ps = append(ps, results.Errorf(at+"podDisruptionBudget.maxUnavailable", "maxUnavailable %d must be 0 or more", *s.MaxUnavailable))
		}
	}
	return ps
}
