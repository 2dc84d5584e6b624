package build

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// FromKafkaConnect reads the build Spec of a KafkaConnect that has .spec.build,
// taking the operator-level settings from cfg (KafkaConnectBuild.fromCrd).
// It reads and never rejects: Validate reports what is wrong.
func FromKafkaConnect(cr *strimzi.KafkaConnect, cfg *config.Spec) *Spec {
	s := &cr.Spec
	filter, _ := labels.NewFilter(cfg.LabelsExclusionPattern) // validated with the config
	b := &Spec{
		BaseImage:    s.Image,
		SpecImage:    s.Image,
		MavenBuilder: cfg.Images.MavenBuilder,
		Proxy:        Proxy{HTTPProxy: cfg.Proxy.HTTPProxy, HTTPSProxy: cfg.Proxy.HTTPSProxy, NoProxy: cfg.Proxy.NoProxy},
		Cluster:      cr.Name,
		Namespace:    cr.Namespace,
		CRVersion:    cr.Version(),
		Labels:       filter.Apply(cr.Labels),
		OpenShift:    cfg.Build.Platform == config.PlatformOpenShift,
		TagAsWritten: cfg.Build.ImageTag == config.ImageTagAsWritten,
		Resources:    s.Build.Resources,
	}
	if b.BaseImage == "" {
		version := s.Version
		if version == "" {
			version = cfg.Images.DefaultKafkaVersion
		}
		b.BaseImage = cfg.Images.KafkaConnect[version]
	}
	if cfg.Build.Builder == config.BuilderKaniko {
		b.Builder = Kaniko
	}
	if o := s.Build.Output; o != nil {
		b.Output = Output{
			Type: OutputType(o.Type), Image: o.Image, PushSecret: o.PushSecret,
			AdditionalBuildOptions:  o.AdditionalBuildOptions,
			AdditionalPushOptions:   o.AdditionalPushOptions,
			AdditionalKanikoOptions: o.AdditionalKanikoOptions,
		}
	} else {
		b.NoOutput = true
	}
	if s.Build.Plugins != nil {
		b.Plugins = make([]Plugin, 0, len(s.Build.Plugins))
	}
	for _, p := range s.Build.Plugins {
		b.Plugins = append(b.Plugins, plugin(p))
	}
	if t := s.Template; t != nil {
		b.Template = Template{Pod: t.BuildPod, Container: t.BuildContainer, BuildConfig: t.BuildConfig, ServiceAccount: t.BuildServiceAccount}
	}
	return b
}

func plugin(p strimzi.BuildPlugin) Plugin {
	out := Plugin{Name: p.Name}
	if p.Artifacts != nil {
		out.Artifacts = make([]Artifact, 0, len(p.Artifacts))
	}
	for _, a := range p.Artifacts {
		art := Artifact{
			Type: ArtifactType(a.Type), URL: a.URL, Sha512sum: a.Sha512Sum, Insecure: a.Insecure, FileName: a.FileName,
			Group: a.Group, Artifact: a.Artifact, Version: a.Version, Repository: a.Repository, IncludeScope: a.IncludeScope,
		}
		for _, m := range a.Mirrors {
			art.Mirrors = append(art.Mirrors, m.URL)
		}
		out.Artifacts = append(out.Artifacts, art)
	}
	return out
}
